#!/bin/sh
# Stands in for python3 running tinygrad: replays a real capture, picked the way tinygrad itself
# would behave given JITBEAM and its cache file, so a BEAM run's phases can be tested without
# tinygrad. Real captures only (test resources run/tinygrad/...): this script adds no numbers.
#
#   FAKE_CAPTURES  folder of captures: <program>-<state>.stdout / .stderr, where program is
#                  "harness" (argument 1 is a tinygrad_bench*.py) or "llama3" (anything else),
#                  and state is
#                    cold    JITBEAM unset or 0
#                    search  JITBEAM > 0 and no cache file yet, or IGNORE_BEAM_CACHE=1
#                    warm    JITBEAM > 0 and the cache file exists
#                  A missing <program>-<state> capture falls back to <program>-cold.
#   FAKE_LOG       file that gets one line per call: state, working directory, cache path
#   FAKE_SEARCH_SLEEP  seconds a search sleeps before its output (a search longer than its cap)
#   REPLAY_DELAY   seconds between stdout lines (default 0.01)
#
# The cache file is where tinygrad's helpers.py puts it (CACHEDB as given, relative to the working
# directory, else $XDG_CACHE_HOME/tinygrad/cache.db, else ~/.cache/tinygrad/cache.db); like
# tinygrad, every run writes to it (compiled kernels), a search writes more (its BEAM results).
case "$1" in
  *tinygrad_bench*.py) program=harness ;;
  *) program=llama3 ;;
esac
cache="${CACHEDB:-${XDG_CACHE_HOME:-$HOME/.cache}/tinygrad/cache.db}"
beam="${JITBEAM:-0}"
if [ "$beam" = 0 ]; then
  state=cold
elif [ ! -f "$cache" ] || [ "${IGNORE_BEAM_CACHE:-0}" != 0 ]; then
  state=search
else
  state=warm
fi
[ -n "$FAKE_LOG" ] && echo "$state $(pwd) $cache" >> "$FAKE_LOG"
capture="$FAKE_CAPTURES/$program-$state"
[ -f "$capture.stdout" ] || capture="$FAKE_CAPTURES/$program-cold"
mkdir -p "$(dirname "$cache")"
echo "compiled kernels" >> "$cache"
if [ "$state" = search ]; then
  [ -n "$FAKE_SEARCH_SLEEP" ] && sleep "$FAKE_SEARCH_SLEEP"
  echo "beam_search results" >> "$cache"
fi
delay=${REPLAY_DELAY:-0.01}
while IFS= read -r line || [ -n "$line" ]; do
  printf '%s\n' "$line"
  sleep "$delay"
done < "$capture.stdout"
[ -f "$capture.stderr" ] && cat "$capture.stderr" >&2
exit 0
