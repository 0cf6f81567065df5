#!/usr/bin/env bash
# Measures llama.cpp's own memory for the configurations issue 16 asks for beyond the H200 fixture
# (partial offload, q4_0 caches, 3B and 8B shapes, --parallel 4, flash attention off, --fit), in
# the fixture's format: one "== MODEL c=... ctk=... ngl=... np=..." section per run, then
# llama-completion's verbose log (buffer sizes, KV cache, memory breakdown, --fit projection).
# tokbench's MemoryLog reads it and MemoryComparison puts the estimate beside it.
#
#   LLAMA_BIN=~/llama.cpp/build/bin MODELS=~/models scripts/gpu/memory-matrix.sh [OUT]
#
# LLAMA_BIN  a folder with llama-completion and llama-fit-params
# MODELS     a folder of GGUF files named as in tests' h200/models.ls (llama-3.1-8b-Q4_K_M.gguf, ...)
# OUT        the log to write (default memory-matrix.log); one file for every run
# CONFIGS    optional: configurations to run instead of the default list, one per line:
#            MODEL CTX CACHE_TYPE NGL NP [FA]   (FA: on or off, default on); "fit MODEL" lines run
#            llama-fit-params on MODEL with its defaults
# RUN_TIMEOUT seconds per run (default 90)
#
# Each run is one short generation (-n 4 -p hi -no-cnv, as the fixture's runs); with all models in
# the page cache the default list takes about two minutes on an H200. A failed or hung run writes
# its exit status and the script goes on.
set -uo pipefail

: "${LLAMA_BIN:?set LLAMA_BIN to the folder with llama-completion and llama-fit-params}"
: "${MODELS:?set MODELS to the folder of GGUF files}"
out="${1:-memory-matrix.log}"
run_timeout="${RUN_TIMEOUT:-90}"
completion="$LLAMA_BIN/llama-completion"
fit_params="$LLAMA_BIN/llama-fit-params"
for tool in "$completion" "$fit_params"; do
  [ -x "$tool" ] || { echo "memory-matrix: $tool is not an executable" >&2; exit 2; }
done

default_configs='
llama-3.2-1b-Q4_K_M 4096 f16 8 1
llama-3.2-1b-Q4_K_M 4096 f16 12 1
llama-3.2-1b-Q4_K_M 32768 q8_0 8 1
llama-3.2-1b-Q4_K_M 4096 f16 0 1
llama-3.2-3b-Q6_K 4096 f16 8 1
llama-3.2-3b-Q6_K 4096 f16 12 1
llama-3.2-3b-Q6_K 32768 q8_0 12 1
llama-3.1-8b-Q4_K_M 4096 f16 20 1
llama-3.1-8b-Q4_K_M 32768 q8_0 20 1
llama-3.2-1b-Q4_K_M 32768 q4_0 99 1
llama-3.2-1b-Q4_K_M 131072 q4_0 99 1
qwen3-1.7b-Q4_K_M 32768 q4_0 99 1
llama-3.1-8b-Q4_K_M 32768 q4_0 99 1
llama-3.2-3b-Q6_K 4096 f16 99 1
llama-3.2-3b-Q6_K 32768 q8_0 99 1
llama-3.2-3b-Q6_K 131072 f16 99 1
llama-3.1-8b-Q4_K_M 4096 f16 99 1
llama-3.1-8b-Q4_K_M 32768 f16 99 1
llama-3.1-8b-Q4_K_M 131072 f16 99 1
llama-3.1-8b-Q4_K_M 131072 q8_0 99 1
llama-3.1-8b-Q8_0 32768 f16 99 1
qwen3-0.6b-Q8_0 40960 f16 99 1
llama-3.2-1b-Q4_K_M 16384 f16 99 4
qwen3-1.7b-Q4_K_M 16384 f16 99 4
llama-3.1-8b-Q4_K_M 32768 q8_0 99 4
llama-3.2-1b-Q4_K_M 4096 f16 99 1 off
llama-3.1-8b-Q4_K_M 8192 f16 99 1 off
fit llama-3.1-8b-Q4_K_M
fit llama-3.2-3b-Q6_K
'
configs="${CONFIGS:-$default_configs}"

# the run's own output, then its exit status; a hung run is killed after run_timeout seconds
run() {
  echo "# cmd: $*"
  timeout --kill-after=10 "$run_timeout" "$@" 2>&1
  local rc=$?
  echo # the generated text ends without a newline
  echo "# exit: $rc"
}

{
  echo "# memory-matrix.sh $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(hostname)"
  command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version \
    --format=csv,noheader | sed 's/^/# gpu: /'
  "$completion" --version 2>&1 | sed 's/^/# llama.cpp: /'
} > "$out"

n=0
while read -r model ctx ctk ngl np fa _; do
  [ -n "${model:-}" ] || continue
  if [ "$model" = fit ]; then
    echo "== fit $ctx" >> "$out"
    run "$fit_params" -m "$MODELS/$ctx.gguf" -v --log-prefix --log-timestamps >> "$out"
  else
    fa="${fa:-on}"
    label="== $model c=$ctx ctk=$ctk ngl=$ngl np=$np"
    [ "$fa" = on ] || label="$label fa=$fa"
    echo "$label" >> "$out"
    run "$completion" -m "$MODELS/$model.gguf" -c "$ctx" -ctk "$ctk" -ctv "$ctk" -fa "$fa" \
      -ngl "$ngl" -np "$np" -n 4 -p hi -no-cnv -v --log-prefix --log-timestamps >> "$out"
  fi
  n=$((n + 1))
  echo "memory-matrix: $n done ($model ${ctx:-})" >&2
done <<< "$configs"
echo "memory-matrix: wrote $n runs to $out" >&2
