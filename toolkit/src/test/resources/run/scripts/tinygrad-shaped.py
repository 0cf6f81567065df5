#!/usr/bin/env python3
"""Stands in for python3 running tinygrad, with real timers: every call sleeps, is timed with
perf_counter as tinygrad and tokbench's harness time theirs, and is printed as they print it, so a
reader sees lines whose times are the process's own. Installed as `python3`; argument 1 picks
the program:

  examples/llama3.py     llama3.py --benchmark: `enqueue in` and `total N ms, ...` per token
  *tinygrad_bench*.py    the harness: one JSON line per test (--prompt, --gen, --reps), shaped
                         from a real capture (FAKE_TEMPLATE: a harness .stdout of pp and tg lines)

  FAKE_TOKENS     llama3.py's tokens (default 10)
  FAKE_FIRST_MS   each of the first two calls (TinyJit's warm-up) of a test (default 60)
  FAKE_CALL_MS    every later call: a token, or a whole prompt (default 30)
  FAKE_GAP_MS     untimed sleep between calls and before each test (default 0)
  FAKE_OLD        1: a harness line without call_start_ago_ms (harnesses before 2026-12-01)
"""
import copy, json, os, sys, time


def ms_env(name, default):
    return float(os.environ.get(name, default))


def timed_call(i):
    """One call: its start (perf_counter_ns) and its time in ms."""
    time.sleep(ms_env("FAKE_GAP_MS", 0) / 1e3)
    t0 = time.perf_counter_ns()
    time.sleep((ms_env("FAKE_FIRST_MS", 60) if i < 2 else ms_env("FAKE_CALL_MS", 30)) / 1e3)
    return t0, (time.perf_counter_ns() - t0) / 1e6


def llama3():
    print("loaded weights in  12.00 ms, 0.01 GB loaded at 1.00 GB/s", flush=True)
    for i in range(int(os.environ.get("FAKE_TOKENS", "10"))):
        t0, _ = timed_call(i)
        print(f"enqueue in {0.5:6.2f} ms", flush=True)
        ms = (time.perf_counter_ns() - t0) / 1e6
        print(f"total {ms:6.2f} ms, {1e3 / ms:.2f} tok/s, 1.00 GB/s, param 1.00 GB/s", flush=True)
        print("Hello", flush=True)


def arg(name, default):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def harness():
    template = {}
    with open(os.environ["FAKE_TEMPLATE"], encoding="utf-8") as f:
        for line in f:
            if line.startswith("{"):
                obj = json.loads(line)
                template[obj["kind"]] = obj
    prompt, gen, reps = arg("--prompt", 512), arg("--gen", 128), arg("--reps", 3)
    if prompt:
        calls = [timed_call(i) for i in range(2 + reps)]
        ms = [c[1] for c in calls]
        write(template["pp"], calls, test=f"pp{prompt}", n_prompt=prompt, reps=reps,
              warmup_ms=ms[:2], rep_ms=ms[2:], samples_ts=[prompt * 1e3 / t for t in ms[2:]])
    if gen:
        calls = [timed_call(i) for i in range(gen * reps)]
        ms = [c[1] for c in calls]
        per_rep = [ms[r * gen:(r + 1) * gen] for r in range(reps)]
        write(template["tg"], calls, test=f"tg{gen}", n_gen=gen, reps=reps, token_ms=per_rep,
              samples_ts=[len(r) * 1e3 / sum(r) for r in per_rep])


def write(template, calls, **fields):
    obj = copy.deepcopy(template)
    obj.update(fields)
    if os.environ.get("FAKE_OLD") != "1":
        written = time.perf_counter_ns()
        obj["call_start_ago_ms"] = [round((written - t0) / 1e6, 3) for t0, _ in calls]
    print(json.dumps(obj), flush=True)


if __name__ == "__main__":
    harness() if "tinygrad_bench" in sys.argv[1] else llama3()
