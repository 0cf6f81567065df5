#!/usr/bin/env bash
# Checks `tokbench gguf fit` at a tight memory limit on a real CUDA GPU (issue 16), and that a
# real out-of-memory becomes an `oom` row (issue 14). Builds nothing.
#
#   LLAMA_BENCH=~/llama.cpp/build/bin/llama-bench MODEL=m.gguf TOKBENCH=/tmp/tb/tokbench \
#     OUT=fit-tight scripts/gpu/fit-tight-h200.sh
#
# 1. A PyTorch process takes GPU memory until only FREE is left (cudaMemGetInfo says how much
#    really is), and holds it to the end.
# 2. `tokbench gguf fit MODEL --memory <that free> --json` predicts three contexts:
#      fit   the largest context that fits with MARGIN left free (expect: runs)
#      edge  the largest with no margin: the estimate fills the free memory exactly, leaving
#            nothing for llama.cpp's own CUDA context (expect: out of memory; it says what the
#            margin has to cover)
#      over  the largest whose estimate fits OVER more than is free (expect: out of memory)
# 3. llama-bench runs pp PROMPT at each context (-d = context - PROMPT, -n 0, so llama-bench's
#    n_ctx is exactly that context) through `tokbench run llama-bench --continue-after-failure`,
#    so each failure costs one row and an out-of-memory is an `oom` row.
# 4. With LLAMA_CLI (llama-completion), one short generation at each context with -v, whose
#    memory breakdown (free, self, unaccounted) `tokbench import` reads as memory rows.
# Everything raw stays in OUT: the holder's log, nvidia-smi before/after, each fit's JSON,
# llama-bench's rows and both its streams, llama-completion's log, and summary.txt.
#
# LLAMA_BENCH  llama-bench of a CUDA build      } at least one of the two
# LLAMA_CLI    llama-completion of a CUDA build }
# MODEL        a GGUF file (e.g. `tokbench synth --shape llama-3.1-8b --type Q4_K_M --out m.gguf`)
# TOKBENCH     the tokbench launcher (scripts/lean-bundle's, with JAVA set, or scripts/tokbench)
# OUT          a folder for everything this writes (made if missing)
# FREE         memory to leave free on the GPU (default 12GiB); MARGIN fit's margin (default 1GiB);
# OVER         the over point's excess (default 2GiB); PROMPT (default 512); PYTHON (python3);
# GPU          the CUDA device index (default 0); RUN_TIMEOUT seconds per run (default 600);
# CTX_CAP      the longest context searched (default 262144, past the trained context)
#
# Exit status: 0 when every step ran (the summary says whether each point did what was expected),
# 2 when it cannot run here (no torch, no CUDA GPU, a missing tool or setting: it says which).
set -uo pipefail

fail() { echo "fit-tight: $*" >&2; exit 2; }
[ -n "${MODEL:-}" ] || fail "set MODEL to a GGUF file"
[ -f "$MODEL" ] || fail "MODEL $MODEL is not a file"
[ -n "${TOKBENCH:-}" ] || fail "set TOKBENCH to the tokbench launcher"
[ -x "$TOKBENCH" ] || fail "TOKBENCH $TOKBENCH is not an executable"
[ -n "${OUT:-}" ] || fail "set OUT to a folder for the results"
[ -n "${LLAMA_BENCH:-}${LLAMA_CLI:-}" ] || fail "set LLAMA_BENCH and/or LLAMA_CLI"
for tool in ${LLAMA_BENCH:-} ${LLAMA_CLI:-}; do
  [ -x "$tool" ] || fail "$tool is not an executable"
done
python="${PYTHON:-python3}"
command -v "$python" >/dev/null || fail "no $python"
gpu="${GPU:-0}"
prompt="${PROMPT:-512}"
run_timeout="${RUN_TIMEOUT:-600}"

# sizes as tokbench reads them, in MiB, through its own parser (gguf fit --json reports bytes)
mib() { "$python" - "$1" <<'EOF'
import re, sys
m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|TiB|KB|MB|GB|TB)?\s*", sys.argv[1])
if not m: sys.exit("fit-tight: not a size: " + sys.argv[1])
f = {"B": 1, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40,
     "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12}[m.group(2) or "B"]
print(int(float(m.group(1)) * f // 2**20))
EOF
}
free_mib=$(mib "${FREE:-12GiB}") || exit 2
margin_mib=$(mib "${MARGIN:-1GiB}") || exit 2
over_mib=$(mib "${OVER:-2GiB}") || exit 2

"$python" -c 'import torch' 2>/dev/null || fail "$python has no torch (needs PyTorch with CUDA)"
"$python" -c "import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)" 2>/dev/null \
  || fail "torch sees no CUDA GPU here"
mkdir -p "$OUT" || fail "cannot make $OUT"

# The holder: takes all but FREE MiB of the GPU's memory, prints what is free then, holds it until
# it is sent SIGTERM (or for HOLD_MAX seconds at most, so it never outlives a killed script).
cat > "$OUT/hold-gpu-memory.py" <<'EOF'
import signal, sys, time, torch
leave = int(sys.argv[1]) << 20
device = torch.device("cuda", int(sys.argv[2]))
deadline = time.time() + float(sys.argv[3])
free, total = torch.cuda.mem_get_info(device)
print(f"before free_bytes={free} total_bytes={total}", flush=True)
if free <= leave:
    sys.exit(f"only {free} bytes free, fewer than the {leave} to leave free")
held = []
# allocate, then top up in 64 MiB steps: the context and the allocator's rounding move the first
while free > leave:
    step = free - leave if not held else min(free - leave, 64 << 20)
    held.append(torch.empty(step, dtype=torch.uint8, device=device))
    torch.cuda.synchronize(device)
    free, total = torch.cuda.mem_get_info(device)
print(f"READY free_bytes={free} total_bytes={total} held_bytes={sum(t.numel() for t in held)}",
      flush=True)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
while time.time() < deadline:
    time.sleep(1)
EOF

nvidia-smi > "$OUT/nvidia-smi-before.txt" 2>&1
"$python" "$OUT/hold-gpu-memory.py" "$free_mib" "$gpu" "${HOLD_MAX:-3600}" \
  > "$OUT/holder.log" 2>&1 &
holder=$!
trap 'kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null' EXIT
for _ in $(seq 1 240); do
  grep -q '^READY' "$OUT/holder.log" && break
  kill -0 "$holder" 2>/dev/null || { cat "$OUT/holder.log" >&2; fail "the memory holder ended"; }
  sleep 0.5
done
grep -q '^READY' "$OUT/holder.log" || fail "the memory holder was not ready in 120 s"
free_bytes=$(sed -n 's/^READY free_bytes=\([0-9]*\).*/\1/p' "$OUT/holder.log")
free_now=$((free_bytes >> 20))
nvidia-smi > "$OUT/nvidia-smi-held.txt" 2>&1
echo "fit-tight: $free_now MiB free on GPU $gpu (asked for $free_mib)" >&2

# one `gguf fit --json`, kept; prints the field asked for
fit() {
  local name="$1" field="$2"
  shift 2
  "$TOKBENCH" gguf fit "$MODEL" --allow-long-context --json "$@" > "$OUT/fit-$name.json" \
    || fail "tokbench gguf fit $* failed (see $OUT/fit-$name.json)"
  "$python" -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" \
    "$OUT/fit-$name.json" "$field"
}
# --ctx CTX_CAP with --allow-long-context lets the search go past the trained context, so that
# memory, not the model, is what limits it
cap=(--ctx "${CTX_CAP:-262144}")
ctx_fit=$(fit fit max_context "${cap[@]}" --memory "${free_now}MiB" --margin "${margin_mib}MiB") \
  || exit 2
ctx_edge=$(fit edge max_context "${cap[@]}" --memory "${free_now}MiB" --margin 0MiB) || exit 2
ctx_over=$(fit over max_context "${cap[@]}" --memory "$((free_now + over_mib))MiB" --margin 0MiB) \
  || exit 2
[ "$ctx_fit" -gt "$prompt" ] || fail "nothing fits: max context $ctx_fit at $free_now MiB free"
[ "$ctx_over" -gt "$ctx_edge" ] || fail "OVER gives no longer context ($ctx_over)"
for point in fit edge over; do
  ctx_var="ctx_$point"
  fit "$point-at-${!ctx_var}" used_bytes --memory "${free_now}MiB" --margin 0MiB \
    --ctx "${!ctx_var}" > /dev/null
done
echo "fit-tight: contexts fit=$ctx_fit edge=$ctx_edge over=$ctx_over" >&2

if [ -n "${LLAMA_BENCH:-}" ]; then
  depths="$((ctx_fit - prompt)),$((ctx_edge - prompt)),$((ctx_over - prompt))"
  # exit 3 (a row failed) is what the over point should give
  "$TOKBENCH" run llama-bench --binary "$LLAMA_BENCH" --continue-after-failure --energy off \
    --timeout "$run_timeout" --out "$OUT/fit-tight.jsonl" --log "$OUT/llama-bench.log" \
    -- -m "$MODEL" -p "$prompt" -n 0 -d "$depths" -fa 1 -ngl 99 -r 1 \
    > "$OUT/run-llama-bench.out" 2> "$OUT/run-llama-bench.err"
  echo "$?" > "$OUT/run-llama-bench.exit"
fi

if [ -n "${LLAMA_CLI:-}" ]; then
  log="$OUT/completion-tight.log"
  echo "# fit-tight-h200.sh $(date -u +%Y-%m-%dT%H:%M:%SZ), $free_now MiB free" > "$log"
  for point in fit edge over; do
    ctx_var="ctx_$point"
    echo "== $(basename "$MODEL" .gguf) c=${!ctx_var} ctk=f16 ngl=99 np=1 point=$point" >> "$log"
    echo "# cmd: $LLAMA_CLI -m $MODEL -c ${!ctx_var} -fa on -ngl 99 -n 4 -p hi -no-cnv -v" >> "$log"
    timeout --kill-after=10 "$run_timeout" "$LLAMA_CLI" -m "$MODEL" -c "${!ctx_var}" -fa on \
      -ngl 99 -n 4 -p hi -no-cnv -v --log-prefix --log-timestamps >> "$log" 2>&1
    rc=$?
    printf '\n# exit: %s\n' "$rc" >> "$log"
  done
fi

nvidia-smi > "$OUT/nvidia-smi-after.txt" 2>&1
{
  echo "free MiB: $free_now (asked $free_mib), margin MiB: $margin_mib, over MiB: $over_mib"
  echo "contexts: fit=$ctx_fit (expect ok) edge=$ctx_edge over=$ctx_over (expect oom)"
  if [ -f "$OUT/fit-tight.jsonl" ]; then
    "$python" - "$OUT/fit-tight.jsonl" <<'EOF'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    ctx = r.get("n_prompt", 0) + r.get("n_gen", 0) + r.get("n_depth", 0)
    print("llama-bench ctx", ctx, r.get("status"), r.get("tokens_per_s_mean"), (r.get("reason") or "")[:300])
EOF
  fi
  [ -f "$OUT/completion-tight.log" ] && grep -E '^(== |# exit)|memory_breakdown_print: \|  - ' \
    "$OUT/completion-tight.log"
} > "$OUT/summary.txt" 2>&1
cat "$OUT/summary.txt" >&2
exit 0
