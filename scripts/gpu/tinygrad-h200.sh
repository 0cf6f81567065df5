#!/usr/bin/env bash
# tinygrad on one GPU for issue 20, in one command of at most BUDGET seconds (default 540): builds
# nothing, downloads nothing. In order (what must finish first goes first):
#   1 harness-cold    tokbench's prefill/decode harness (pp512, tg128), no BEAM, fresh empty cache
#   2 llama3-cold     examples/llama3.py --benchmark, no BEAM, fresh empty cache
#   3 llama3-beam     its JITBEAM search (capped by SEARCH_CAP and by the budget less the warm
#                     run's cap and 150 s) and the warm run on the cache it filled
#   4 harness-beam    the harness's own JITBEAM search (prompt kernels: decode's are in the cache
#                     from step 3) and its warm run, with what is left of the budget
# With TOKBENCH (the launcher, or a jar with JAVA) each step is one `tokbench run tinygrad`
# (--cold / --beam / --prefill): rows with their phases and caches in OUT_DIR/<step>.jsonl, both
# streams in <step>.log, split into each launch's raw <step>.<phase>.stdout/.stderr. Without it (or MODE=python), the same steps run as plain commands whose raw
# stdout, stderr and .meta.json (command, exit status, wall time, cap, cache bytes before/after) go
# to OUT_DIR (tokbench reads them: import --format tinygrad-bench, TinygradLog). Either way
# progress.log (also on stderr) says what started and finished; SUMMARY.txt what came out.
#
#   TINYGRAD=/opt/src/tinygrad MODELS=/opt/models TOKBENCH=/opt/tb/tokbench OUT_DIR=out \
#     scripts/gpu/tinygrad-h200.sh
#
# TINYGRAD    a tinygrad checkout or unpacked source (0.10.3 or later), default /opt/src/tinygrad
# MODEL       a LLaMA GGUF with tied embeddings; default MODELS/llama-3.2-1b-Q6_K.gguf, else
#             MODELS/llama-3.2-1b-Q4_K_M.gguf (MODELS default /opt/models). It is linked into
#             OUT_DIR/work beside a tokenizer.model from scripts/synthetic_tokenizer.py (llama3.py
#             reads the tokenizer beside the model).
# OUT_DIR     the folder for the results (created); OUT is accepted too
# TOKBENCH    tokbench's launcher (an executable), or its jar (run with JAVA, default java)
# COMMIT      the source's commit, recorded by the harness when the source has no .git
# DEV (CUDA)  tinygrad's device; CPU for a local try (with CC=clang-14 on Debian)
# PYTHON (python3), BEAM_WIDTH (2), SEARCH_CAP (240 s, llama3.py's search), RUN_CAP (150 s, each
#             other run), BUDGET (540 s: a step that would pass it gets less or is skipped),
#             PROMPT (512), GEN (128), REPS (3), LLAMA3_SIZE (1B), MAX_CONTEXT (harness, 8192 as
#             llama3.py), MODE (java when TOKBENCH's `run tinygrad`
#             has --beam and --prefill, else python)
# ENERGY      java mode: `--energy ENERGY` on every step (auto, off, nvml, nvidia-smi, ...), each
#             step's samples in <step>.power.csv (--energy-trace); unset: tokbench's default;
#             ENERGY_PERIOD_MS: --energy-period-ms (default 100)
# STEPS       java mode: the steps to run, of "harness-cold llama3-cold llama3-beam harness-beam"
#             (default all)
set -uo pipefail

OUT="${OUT_DIR:-${OUT:-}}"
: "${OUT:?set OUT_DIR to the folder for the results}"
TINYGRAD="${TINYGRAD:-/opt/src/tinygrad}"; MODELS="${MODELS:-/opt/models}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dev="${DEV:-CUDA}"; py="${PYTHON:-python3}"; width="${BEAM_WIDTH:-2}"
search_cap="${SEARCH_CAP:-240}"; run_cap="${RUN_CAP:-150}"; budget="${BUDGET:-540}"
prompt="${PROMPT:-512}"; gen="${GEN:-128}"; reps="${REPS:-3}"; size="${LLAMA3_SIZE:-1B}"
max_context="${MAX_CONTEXT:-8192}"
mode="${MODE:-}"
steps=" ${STEPS:-harness-cold llama3-cold llama3-beam harness-beam} "
mkdir -p "$OUT/work" || exit 2
OUT="$(cd "$OUT" && pwd)"; work="$OUT/work"
TINYGRAD="$(cd "$TINYGRAD" 2>/dev/null && pwd)" || { echo "tinygrad-h200: no folder $TINYGRAD" >&2; exit 2; }
[ -f "$TINYGRAD/examples/llama3.py" ] || { echo "tinygrad-h200: no examples/llama3.py in $TINYGRAD" >&2; exit 2; }
tokbench() {
  case "$TOKBENCH" in
    *.jar) "${JAVA:-java}" -jar "$TOKBENCH" "$@" ;;
    *) "$TOKBENCH" "$@" ;;
  esac
}
# java only with a tokbench whose `run tinygrad` has the BEAM phases and the harness
if [ -z "$mode" ]; then
  mode=python
  [ -n "${TOKBENCH:-}" ] && tokbench run tinygrad --help 2>/dev/null | grep -q -- --search-timeout && mode=java
fi
summary="$OUT/SUMMARY.txt"; progress="$OUT/progress.log"; : > "$summary"; : > "$progress"
say() { echo "tinygrad-h200 $(date -u +%T) +${SECONDS}s: $*" | tee -a "$progress" >&2; }
note() { echo "$*" >> "$summary"; say "$*"; }

# how many seconds a step may take: its cap, or what is left of the budget less a reserve
cap_for() {
  local want=$1 left=$((budget - SECONDS - ${2:-0}))
  [ "$left" -lt "$want" ] && want=$left
  echo "$want"
}
cache_bytes() { local n=0 f; for f in "$1" "$1-wal"; do [ -f "$f" ] && n=$((n + $(stat -c %s "$f"))); done; echo $n; }

machine() {
  { date -u +%FT%TZ; uname -a; nvidia-smi -L 2>&1 | head -4
    nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.memory,clocks.max.sm \
      --format=csv 2>&1 | head -3
    "$py" -c 'import sys, numpy; print("python", sys.version.split()[0], "numpy", numpy.__version__)' 2>&1
    grep -m1 -E '^\s*version\s*=' "$TINYGRAD/pyproject.toml" "$TINYGRAD/setup.py" 2>/dev/null
    git -C "$TINYGRAD" rev-parse HEAD 2>/dev/null || echo "commit ${COMMIT:-unknown (no .git, COMMIT unset)}"
    echo "MODE=$mode DEV=$dev BEAM_WIDTH=$width SEARCH_CAP=$search_cap RUN_CAP=$run_cap BUDGET=$budget"
    echo "PROMPT=$prompt GEN=$gen REPS=$reps LLAMA3_SIZE=$size MAX_CONTEXT=$max_context"
    [ "$mode" = java ] && tokbench --version 2>&1 | head -2
  } > "$OUT/machine.txt" 2>&1
}

# the model linked into work/ beside a synthetic tokenizer (the model's own folder may be shared)
model() {
  local src="${MODEL:-}"
  if [ -z "$src" ]; then
    for q in Q6_K Q4_K_M; do
      [ -f "$MODELS/llama-3.2-1b-$q.gguf" ] && { src="$MODELS/llama-3.2-1b-$q.gguf"; break; }
    done
  fi
  [ -n "$src" ] && [ -f "$src" ] || { echo "tinygrad-h200: no model (MODEL=${MODEL:-}, MODELS=$MODELS)" >&2; exit 2; }
  src="$(cd "$(dirname "$src")" && pwd)/$(basename "$src")"
  mkdir -p "$work/model"; MODEL="$work/model/$(basename "$src")"
  ln -sf "$src" "$MODEL"
  if [ ! -f "$work/model/tokenizer.model" ]; then
    "$py" "$here/scripts/synthetic_tokenizer.py" --out "$work/model/tokenizer.model" > "$OUT/tokenizer.log" 2>&1 \
      || { echo "tinygrad-h200: synthetic_tokenizer.py failed, see $OUT/tokenizer.log" >&2; exit 1; }
  fi
}

# step NAME CAP CACHEDB [VAR=VALUE ...] -- COMMAND ...: runs in the checkout, capped, raw output kept
step() {
  local name=$1 cap=$2 db=$3; shift 3
  local vars=(); while [ "$1" != -- ]; do vars+=("$1"); shift; done; shift
  if [ "$cap" -lt 20 ]; then note "$name: skipped (only ${cap} s of the budget left)"; return 99; fi
  local before existed=false; before=$(cache_bytes "$db"); [ -f "$db" ] && existed=true
  local t0=$SECONDS rc
  say "$name: started (cap ${cap} s)"
  (cd "$TINYGRAD" && env PYTHONUNBUFFERED=1 PYTHONPATH="$TINYGRAD" DEV="$dev" CACHEDB="$db" "${vars[@]}" \
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
  local what="rc $rc"; { [ "$rc" = 124 ] || [ "$rc" = 137 ]; } && what="UNFINISHED: cut at its cap of ${cap} s"
  note "$name: $what, ${wall} s, cache $before -> $after bytes ($db)"
  return "$rc"
}

python_steps() {
  local l3=("$py" examples/llama3.py --benchmark --timing --no_api --size "$size" --model "$MODEL")
  local h=("$py" "$here/scripts/tinygrad_bench.py" --checkout "$TINYGRAD" --model "$MODEL"
           --prompt "$prompt" --gen "$gen" --reps "$reps" --max-context "$max_context")
  [ -n "${COMMIT:-}" ] && h+=(--commit "$COMMIT")
  rm -f "$work"/*.db "$work"/*.db-*
  step harness-cold "$(cap_for "$run_cap")" "$work/harness-cold.db" -- "${h[@]}"
  step llama3-cold "$(cap_for "$run_cap")" "$work/llama3-cold.db" -- "${l3[@]}"
  step llama3-search "$(cap_for "$search_cap" $((run_cap + 150)))" "$work/beam.db" JITBEAM="$width" -- "${l3[@]}"
  [ $? != 99 ] && step llama3-warm "$(cap_for "$run_cap")" "$work/beam.db" JITBEAM="$width" -- "${l3[@]}"
  step harness-search "$(cap_for "$search_cap" 90)" "$work/beam.db" JITBEAM="$width" -- "${h[@]}"
  [ $? != 99 ] && step harness-warm "$(cap_for "$run_cap")" "$work/beam.db" JITBEAM="$width" -- "${h[@]}"
}

# split_log NAME PHASE...: the run log's launches (each starts with "cmd| ") as raw captures,
# NAME.PHASE.stdout and .stderr, which tokbench's readers take as they take python mode's
split_log() {
  local name=$1; shift
  "$py" - "$OUT/$name.log" "$OUT/$name" "$@" <<'EOF'
import sys
log, stem, phases = sys.argv[1], sys.argv[2], sys.argv[3:]
launches = []
try:
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            tag, _, text = line.partition("| ")
            if tag == "cmd" or not launches:
                launches.append({"out": [], "err": []})
            if tag in ("out", "err"):
                launches[-1][tag].append(text)
except FileNotFoundError:
    sys.exit(0)
for i, l in enumerate(launches):
    phase = phases[i] if i < len(phases) else f"launch{i + 1}"
    for tag, ext in (("out", "stdout"), ("err", "stderr")):
        with open(f"{stem}.{phase}.{ext}", "w", encoding="utf-8") as f:
            f.writelines(l[tag])
EOF
}

# java_step NAME SECONDS PHASES OPTIONS... [-- ARGS]: one `tokbench run tinygrad`, capped as a
# whole; PHASES names its launches in order ("cold search warm") for split_log
java_step() {
  local name=$1 cap phases=$3; cap=$(cap_for "$2"); shift 3
  case "$steps" in *" $name "*) ;; *) return ;; esac
  if [ "$cap" -lt 40 ]; then note "$name: skipped (only ${cap} s of the budget left)"; return; fi
  local energy=(); [ -n "${ENERGY:-}" ] && energy=(--energy "$ENERGY" --energy-trace "$OUT/$name.power.csv"
    ${ENERGY_PERIOD_MS:+--energy-period-ms "$ENERGY_PERIOD_MS"})
  local t0=$SECONDS rc before; before=$(cache_bytes "$work/beam.db")
  say "$name: started (cap ${cap} s): tokbench run tinygrad $*"
  timeout --signal=TERM --kill-after=30 "$cap" bash -c 'tokbench "$@"' tokbench run tinygrad \
    --out "$OUT/$name.jsonl" --log "$OUT/$name.log" "${energy[@]}" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err"
  rc=$?
  note "$name: rc $rc (3: a row failed), $((SECONDS - t0)) s, beam.db $before -> $(cache_bytes "$work/beam.db") bytes; rows in $name.jsonl"
  split_log "$name" $phases
}

# through tokbench: three runs whose rows carry the phases (cold/search/warm) and the caches
java_steps() {
  export -f tokbench; export TOKBENCH JAVA
  local common=(--checkout "$TINYGRAD" --model "$MODEL" --backend "$dev" --python "$py"
                --env "CACHEDB=$work/beam.db" --env "PYTHONPATH=$TINYGRAD")
  local harness=(--prefill "$prompt" --gen "$gen" --repetitions "$reps"
                 --harness "$here/scripts/tinygrad_bench.py")
  local l3=(--size "$size")
  local after=(-- --max-context "$max_context"); [ -n "${COMMIT:-}" ] && after+=(--commit "$COMMIT")
  rm -f "$work"/*.db "$work"/*.db-*
  local t; t=$(cap_for "$run_cap" 20)
  java_step harness-cold $((t + 20)) cold "${common[@]}" --timeout "$t" "${harness[@]}" --cold \
    "${after[@]}"
  t=$(cap_for "$run_cap" 20)
  java_step llama3-cold $((t + 20)) cold "${common[@]}" --timeout "$t" "${l3[@]}" --cold
  # the search gets what is left after the warm run's cap and 120 s kept for the harness's step
  local cap; cap=$(cap_for "$search_cap" $((run_cap + 120 + 30)))
  if [ "$cap" -lt 30 ]; then note "llama3-beam: skipped (${cap} s left for its search)"; else
    java_step llama3-beam $((cap + run_cap + 30)) "search warm" "${common[@]}" \
      --timeout "$run_cap" "${l3[@]}" --beam "$width" --search-timeout "$cap"
  fi
  # the harness's search and warm run share what is left: two thirds for the search, and 25 s
  # for the JVM and the kills, so the outer cap never cuts a row off
  local total=$((budget - SECONDS - 10))
  if [ "$total" -lt 60 ]; then note "harness-beam: skipped (${total} s left)"; return; fi
  cap=$(( total * 2 / 3 < search_cap ? total * 2 / 3 : search_cap ))
  java_step harness-beam "$total" "search warm" "${common[@]}" --timeout $((total - cap - 25)) \
    "${harness[@]}" --beam "$width" --search-timeout "$cap" "${after[@]}"
}

# what came out, from the raw outputs (python mode) or the rows (java mode)
summarise() {
  "$py" - "$OUT" <<'EOF' >> "$summary"
import json, re, sys, pathlib
out = pathlib.Path(sys.argv[1])
for f in sorted(out.glob("*.jsonl")):
    for line in f.read_text(errors="replace").splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        rate = r.get("tokens_per_s_mean", r.get("avg_ts"))
        e = r.get("extra", {})
        energy = (f" {e['j_per_tok']} J/tok {e.get('mean_w')} W [{e.get('energy_flag', '')}]"
                  if e.get("j_per_tok") else "")
        print(f"{f.stem}: {r.get('test')} {r.get('status')} {rate} tok/s{energy}"
              f" phase={r.get('flags', {}).get('phase', '-')} {r.get('reason') or ''}".rstrip())
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
                print(f"{f.stem}: harness {o['test']} {o['avg_ts']:.2f} +- {o['stddev_ts']:.2f} tok/s")
EOF
}

machine
model
note "model $MODEL; tinygrad $TINYGRAD; DEV=$dev; mode $mode; out $OUT"
if [ "$mode" = java ]; then java_steps; else python_steps; fi
ls -l "$work" "$work/model" > "$OUT/caches.txt" 2>&1
summarise
cat "$summary" >&2
say "done in ${SECONDS} s"
