#!/bin/sh
# Stands in for llama-bench or python3 by replaying a real captured run (arguments ignored):
#   REPLAY_STDOUT  file whose lines are printed on stdout, REPLAY_DELAY seconds apart (default 0.02)
#   REPLAY_STDERR  file copied to stderr after stdout
#   REPLAY_LINES   stop after this many stdout lines, then do REPLAY_THEN:
#                  exit (exit REPLAY_EXIT), hang (sleep for ever), crash (SIGSEGV itself),
#                  garbage (print a non-JSON line, then the rest of the file)
#   REPLAY_EXIT    exit status at the end (default 0)
delay=${REPLAY_DELAY:-0.02}
n=0
if [ -n "$REPLAY_STDOUT" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    if [ -n "$REPLAY_LINES" ] && [ "$n" -eq "$REPLAY_LINES" ]; then
      case "$REPLAY_THEN" in
        hang) echo "ggml_cuda: still computing..." >&2; sleep 600; exit 0 ;;
        crash) echo "Segmentation fault in ggml_compute_forward" >&2; kill -SEGV $$ ;;
        garbage) printf '%s\n' "GGML_ASSERT(ctx->mem_buffer != NULL) failed @@@ {not json" ;;
        *) [ -n "$REPLAY_STDERR" ] && cat "$REPLAY_STDERR" >&2; exit "${REPLAY_EXIT:-1}" ;;
      esac
    fi
    printf '%s\n' "$line"
    n=$((n + 1))
    sleep "$delay"
  done < "$REPLAY_STDOUT"
fi
[ -n "$REPLAY_STDERR" ] && cat "$REPLAY_STDERR" >&2
exit "${REPLAY_EXIT:-0}"
