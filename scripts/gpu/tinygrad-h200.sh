#!/usr/bin/env bash
# tinygrad on one GPU for issue 20, in one command of about ten minutes: llama3.py --benchmark cold
# (no BEAM, a fresh empty cache), its JITBEAM search (capped) and the warm run on the cache the
# search filled; then tokbench's prefill/decode harness (pp512, tg128) cold and, while time is
# left, its own JITBEAM search (prompt kernels; decode's are in the cache already) and warm run.
# Every step's raw stdout, stderr and a .meta.json (command, exit status, wall time, cap, cache
# bytes) go to OUT; SUMMARY.txt says what finished.
#
#   TINYGRAD=~/tinygrad MODEL=~/models/llama-3.2-1b-Q6_K.gguf OUT=out scripts/gpu/tinygrad-h200.sh
#
# TINYGRAD    a tinygrad checkout (0.10.3 or later; 0.13+ for DEV=...)
# MODEL       a LLaMA GGUF with tied embeddings; llama3.py needs tokenizer.model beside it, which
#             scripts/synthetic_tokenizer.py writes when it is missing. With JAVA and TOKBENCH set
#             and MODEL unset, `tokbench synth` writes a LLaMA-3.2-1B Q6_K into OUT/work.
# OUT         the folder for the results (created)
# Optional:
# JAVA, TOKBENCH  a java and tokbench's (lean) jar: the steps run through `tokbench run tinygrad`
#             (--beam/--cold/--prefill), rows in OUT/tokbench-*.jsonl, both streams in the .log
# DEV (CUDA)  tinygrad's device; CPU for a local try (with CC=clang-14 on Debian)
# PYTHON (python3), BEAM_WIDTH (2), SEARCH_CAP (420 s for llama3.py's search), RUN_CAP (150 s
#             for every other run), BUDGET (570 s for everything: a step that would pass it gets
#             less or is skipped), PROMPT (512), GEN (128), REPS (3), LLAMA3_SIZE (1B)
# COMMIT      the checkout's commit, for the harness's provenance, when it has no .git
set -uo pipefail

: "${TINYGRAD:?set TINYGRAD to a tinygrad checkout}"
: "${OUT:?set OUT to the folder for the results}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dev="${DEV:-CUDA}"; py="${PYTHON:-python3}"; width="${BEAM_WIDTH:-2}"
search_cap="${SEARCH_CAP:-420}"; run_cap="${RUN_CAP:-150}"; budget="${BUDGET:-570}"
prompt="${PROMPT:-512}"; gen="${GEN:-128}"; reps="${REPS:-3}"; size="${LLAMA3_SIZE:-1B}"
mkdir -p "$OUT/work" || exit 2
OUT="$(cd "$OUT" && pwd)"; work="$OUT/work"; TINYGRAD="$(cd "$TINYGRAD" && pwd)" || exit 2
[ -f "$TINYGRAD/examples/llama3.py" ] || { echo "tinygrad-h200: no examples/llama3.py in $TINYGRAD" >&2; exit 2; }
tokbench() { "$JAVA" -jar "$TOKBENCH" "$@"; }
java_mode() { [ -n "${JAVA:-}" ] && [ -n "${TOKBENCH:-}" ]; }
summary="$OUT/SUMMARY.txt"; : > "$summary"
note() { echo "$*" | tee -a "$summary" >&2; }

# how many seconds a step may take: its cap, or what is left of the budget less a reserve
cap_for() {
  local want=$1 left=$((budget - SECONDS - ${2:-0}))
  [ "$left" -lt "$want" ] && want=$left
  echo "$want"
}
cache_bytes() { local n=0 f; for f in "$1" "$1-wal"; do [ -f "$f" ] && n=$((n + $(stat -c %s "$f"))); done; echo $n; }

# step NAME CAP CACHEDB [VAR=VALUE ...] -- COMMAND ...: runs in the checkout, capped, raw output kept
step() {
  local name=$1 cap=$2 db=$3; shift 3
  local vars=(); while [ "$1" != -- ]; do vars+=("$1"); shift; done; shift
  if [ "$cap" -lt 20 ]; then note "$name: skipped (only ${cap} s of the budget left)"; return 99; fi
  local before existed=false; before=$(cache_bytes "$db"); [ -f "$db" ] && existed=true
  local t0=$SECONDS rc
  (cd "$TINYGRAD" && env PYTHONUNBUFFERED=1 DEV="$dev" CACHEDB="$db" "${vars[@]}" \
    timeout --signal=TERM --kill-after=15 "$cap" "$@") > "$OUT/$name.stdout" 2> "$OUT/$name.stderr"
  rc=$?
  local wall=$((SECONDS - t0)) after; after=$(cache_bytes "$db")
  "$py" - "$OUT/$name.meta.json" "$rc" "$wall" "$cap" "$db" "$existed" "$before" "$after" \
    "${vars[*]}" "$@" <<'EOF'
import json, sys
path, rc, wall, cap, db, existed, before, after, env, *cmd = sys.argv[1:]
json.dump({"cmd": cmd, "env": env.split(), "rc": int(rc), "wall_s": int(wall), "cap_s": int(cap),
           "timed_out": int(rc) in (124, 137), "cachedb": db, "cache_existed": existed == "true",
           "cache_bytes_before": int(before), "cache_bytes_after": int(after)},
          open(path, "w"), indent=1)
EOF
  local what="rc $rc"; [ "$rc" = 124 ] || [ "$rc" = 137 ] && what="UNFINISHED: cut at its cap of ${cap} s"
  note "$name: $what, ${wall} s, cache $before -> $after bytes ($db)"
  return "$rc"
}

machine() {
  { date -u +%FT%TZ; uname -a; nvidia-smi -L 2>&1 | head -4
    nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.memory,clocks.max.sm \
      --format=csv 2>&1 | head -3
    "$py" -c 'import sys, numpy; print("python", sys.version.split()[0], "numpy", numpy.__version__)' 2>&1
    grep -m1 -E '^\s*version\s*=' "$TINYGRAD/pyproject.toml" "$TINYGRAD/setup.py" 2>/dev/null
    git -C "$TINYGRAD" rev-parse HEAD 2>/dev/null || echo "commit ${COMMIT:-unknown (no .git)}"
    [ -n "${JAVA:-}" ] && "$JAVA" -version 2>&1 | head -1
    echo "DEV=$dev BEAM_WIDTH=$width SEARCH_CAP=$search_cap RUN_CAP=$run_cap BUDGET=$budget"
  } > "$OUT/machine.txt"
}

model() {
  if [ -z "${MODEL:-}" ]; then
    java_mode || { echo "tinygrad-h200: set MODEL (or JAVA and TOKBENCH to write one)" >&2; exit 2; }
    MODEL="$work/llama-3.2-1b-Q6_K.gguf"
    tokbench synth --shape llama-3.2-1b --type Q6_K --out "$MODEL" >&2 || exit 1
  fi
  MODEL="$(cd "$(dirname "$MODEL")" && pwd)/$(basename "$MODEL")"
  [ -f "$MODEL" ] || { echo "tinygrad-h200: no model $MODEL" >&2; exit 2; }
  local tok; tok="$(dirname "$MODEL")/tokenizer.model"
  if [ ! -f "$tok" ]; then
    "$py" "$here/scripts/synthetic_tokenizer.py" --out "$tok" || exit 1
    note "wrote $tok (scripts/synthetic_tokenizer.py)"
  fi
}

summarise() {
  "$py" - "$OUT" <<'EOF' | tee -a "$summary" >&2
import json, re, sys, pathlib
out = pathlib.Path(sys.argv[1])
for f in sorted(out.glob("*.stdout")):
    text = f.read_text(errors="replace")
    rates = [float(x) for x in re.findall(r"total\s+[\d.]+ ms, ([\d.]+) tok/s", text)]
    if rates:  # llama3.py: tokens 3.. are past TinyJit's warm-up, as tokbench's default rule
        kept = rates[2:] or rates
        print(f"{f.stem}: llama3.py {len(rates)} tokens, mean of tokens 3-{len(rates)} "
              f"{sum(kept) / len(kept):.2f} tok/s")
    for line in text.splitlines():
        if line.startswith('{"schema":"tokbench.tinygrad_bench/'):
            o = json.loads(line)
            if o["kind"] == "error":
                print(f"{f.stem}: harness error ({o['stage']}) {o['exception']}: {o['message']}")
            else:
                print(f"{f.stem}: harness {o['test']} {o['avg_ts']:.2f} +- {o['stddev_ts']:.2f} tok/s"
                      f" (warm-up calls {', '.join(f'{x / 1e3:.1f}' for x in o.get('warmup_ms', [])) or 'in rep 1'} s)")
EOF
}

# the order puts what must finish first: both cold runs, then the search with what is left
python_steps() {
  local l3=("$py" examples/llama3.py --benchmark --timing --no_api --size "$size" --model "$MODEL")
  local h=("$py" "$here/scripts/tinygrad_bench.py" --checkout "$TINYGRAD" --model "$MODEL"
           --prompt "$prompt" --gen "$gen" --reps "$reps")
  [ -n "${COMMIT:-}" ] && h+=(--commit "$COMMIT")
  rm -f "$work"/*.db "$work"/*.db-*
  step llama3-cold "$(cap_for "$run_cap")" "$work/cold.db" -- "${l3[@]}"
  step harness-cold "$(cap_for "$run_cap")" "$work/harness-cold.db" -- "${h[@]}"
  step llama3-search "$(cap_for "$search_cap" 90)" "$work/beam.db" JITBEAM="$width" -- "${l3[@]}"
  step llama3-warm "$(cap_for "$run_cap")" "$work/beam.db" JITBEAM="$width" -- "${l3[@]}"
  step harness-search "$(cap_for "$search_cap" 60)" "$work/beam.db" JITBEAM="$width" -- "${h[@]}"
  [ $? != 99 ] && step harness-warm "$(cap_for "$run_cap")" "$work/beam.db" JITBEAM="$width" -- "${h[@]}"
}

# through tokbench: the same steps as three runs, whose rows carry the phases and the caches
tokbench_steps() {
  local common=(--checkout "$TINYGRAD" --model "$MODEL" --backend "$dev" --python "$py"
                --env "CACHEDB=$work/beam.db" --timeout "$run_cap")
  local harness=(--prefill "$prompt" --gen "$gen" --repetitions "$reps")
  local after=(); [ -n "${COMMIT:-}" ] && after=(-- --commit "$COMMIT")
  rm -f "$work"/*.db "$work"/*.db-*
  java_step tokbench-harness-cold $((run_cap + 30)) "${common[@]}" "${harness[@]}" --cold \
    "${after[@]}"
  local cap; cap=$(cap_for "$search_cap" 180)
  java_step tokbench-llama3 $((cap + 2 * run_cap + 30)) "${common[@]}" --size "$size" \
    --beam "$width" --cold --search-timeout "$cap"
  cap=$(cap_for "$search_cap" $((run_cap + 30)))
  java_step tokbench-harness-beam $((cap + run_cap + 30)) "${common[@]}" "${harness[@]}" \
    --beam "$width" --search-timeout "$cap" "${after[@]}"
}

# java_step NAME SECONDS OPTIONS... [-- ARGS]: one `tokbench run tinygrad`, capped as a whole
java_step() {
  local name=$1 cap; cap=$(cap_for "$2"); shift 2
  if [ "$cap" -lt 40 ]; then note "$name: skipped (only ${cap} s of the budget left)"; return; fi
  local t0=$SECONDS rc
  timeout --signal=TERM --kill-after=30 "$cap" "$JAVA" -jar "$TOKBENCH" run tinygrad \
    --out "$OUT/$name.jsonl" --log "$OUT/$name.log" "$@" 2> "$OUT/$name.stderr"
  rc=$?
  note "$name: rc $rc (3: a row failed), $((SECONDS - t0)) s; rows in $name.jsonl, streams in $name.log"
}

machine
model
note "model $MODEL; tinygrad $TINYGRAD; DEV=$dev; out $OUT"
if java_mode; then tokbench_steps; else python_steps; fi
ls -l "$work" > "$OUT/caches.txt" 2>&1
java_mode || summarise
note "done in ${SECONDS} s"
