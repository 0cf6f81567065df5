#!/usr/bin/env bash
# Issue 18's serving run on one GPU: tokbench serve-bench launches llama-server with 32 slots and
# loads it closed-loop at concurrency 1, 4, 16, 32 and open-loop (Poisson, seeded) at two rates,
# 512-token prompts, 128 output tokens, byte tokens banned. It builds nothing: LLAMA_SERVER is a
# binary built beforehand from llama.cpp's source.
#
#   LLAMA_SERVER=~/llama.cpp/build/bin/llama-server MODEL=~/models/llama-3.1-8b-Q4_K_M.gguf \
#   TOKBENCH="./jre/bin/java -jar tokbench.jar" OUT=serve-out scripts/gpu/serve-h200.sh
#
# LLAMA_SERVER  the llama-server binary
# MODEL         the GGUF file it serves
# TOKBENCH      the tokbench launcher: a path, or a command of several words
#               ("java -jar tokbench.jar"); it needs the java.net.http module
# OUT           the folder written: serve.jsonl (run, warm-up, request and summary lines),
#               serve.server.log (llama-server's output), serve.txt (the table and each level's
#               line), llama-server.version, and nvidia-smi.txt where nvidia-smi exists
# Optional, for a small test run (defaults in brackets):
# CONCURRENCY [1,4,16,32]  RATES [1,4] (empty: none)  REQUESTS [64]  WARMUP [4]
# PROMPT_TOKENS [512]  MAX_TOKENS [128]  SEED [0]  SLO [ttft=200ms,tpot=50ms]
# PARALLEL [32]  CTX [65536]  NGL [99]  BAN_BYTE_TOKENS [1]  PROMPT_FORMAT [auto]
# EXTRA_SERVER_FLAGS [] (more llama-server flags, e.g. "-t 2")
# READY_TIMEOUT [600] seconds for the model to load; REQUEST_TIMEOUT [600] seconds per request
#
# Exit status: serve-bench's (0 all requests ok, 3 some failed, 2 bad arguments, 1 otherwise).
# --cache-ram 0 keeps llama-server's prompt cache out, so repeated prefixes cannot help; the
# requests also send cache_prompt: false. -c over --parallel gives each slot CTX/PARALLEL tokens
# (2048 by default), enough for 512 + 128.
set -uo pipefail

need() { [ -n "${!1:-}" ] || { echo "serve-h200: set $1 to $2" >&2; exit 2; }; }
need LLAMA_SERVER "the llama-server binary"
need MODEL "the GGUF file to serve"
need TOKBENCH "the tokbench launcher (a path or a command)"
need OUT "the folder to write"
[ -x "$LLAMA_SERVER" ] || { echo "serve-h200: LLAMA_SERVER=$LLAMA_SERVER is not an executable" >&2; exit 2; }
[ -r "$MODEL" ] || { echo "serve-h200: MODEL=$MODEL cannot be read" >&2; exit 2; }
read -r -a tokbench <<<"$TOKBENCH"
read -r -a extra_flags <<<"${EXTRA_SERVER_FLAGS:-}"
mkdir -p "$OUT" || exit 2

# NCCL's NVLink multicast stays off in every process started on the GPU machines.
export NCCL_NVLS_ENABLE=0

"$LLAMA_SERVER" --version >"$OUT/llama-server.version" 2>&1
command -v nvidia-smi >/dev/null && nvidia-smi -q >"$OUT/nvidia-smi.txt" 2>&1

args=(serve-bench --llama-server "$LLAMA_SERVER"
  --concurrency "${CONCURRENCY:-1,4,16,32}"
  --requests "${REQUESTS:-64}" --warmup "${WARMUP:-4}"
  --prompt-tokens "${PROMPT_TOKENS:-512}" --max-tokens "${MAX_TOKENS:-128}"
  --prompt-format "${PROMPT_FORMAT:-auto}" --seed "${SEED:-0}"
  --slo "${SLO:-ttft=200ms,tpot=50ms}"
  --ready-timeout "${READY_TIMEOUT:-600}" --request-timeout "${REQUEST_TIMEOUT:-600}"
  --out "$OUT/serve.jsonl" --server-log "$OUT/serve.server.log")
rates="${RATES-1,4}"
[ -n "$rates" ] && args+=(--rate "$rates")
[ "${BAN_BYTE_TOKENS:-1}" = 1 ] && args+=(--ban-byte-tokens)
args+=(-- -m "$MODEL" --parallel "${PARALLEL:-32}" -c "${CTX:-65536}" --metrics --cache-ram 0
  -ngl "${NGL:-99}" "${extra_flags[@]}")

echo "serve-h200: ${tokbench[*]} ${args[*]}" | tee "$OUT/serve.txt"
"${tokbench[@]}" "${args[@]}" 2>&1 | tee -a "$OUT/serve.txt"
status=${PIPESTATUS[0]}
echo "serve-h200: exit $status; wrote $OUT/serve.jsonl and $OUT/serve.server.log" | tee -a "$OUT/serve.txt"
exit "$status"
