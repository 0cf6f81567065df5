#!/usr/bin/env python3
"""Raw capture for per-repetition energy: runs a command (llama-bench ... --progress -o jsonl),
time-stamps every stdout/stderr line as it arrives (time.time_ns()), and samples NVML's total
energy counter and power every PERIOD ms on a thread. Writes OUT/lines.tsv (ns, stream, line),
OUT/nvml.csv (ns, energy_mj, power_mw), OUT/stdout.jsonl."""
import os, sys, threading, time, subprocess, pynvml
out = sys.argv[1]; cmd = sys.argv[2:]; period = float(os.environ.get("PERIOD_MS", "20")) / 1000
os.makedirs(out, exist_ok=True)
pynvml.nvmlInit(); h = pynvml.nvmlDeviceGetHandleByIndex(0)
stop = False
def sample():
    with open(f"{out}/nvml.csv", "w") as f:
        f.write("ns,energy_mj,power_mw\n")
        while not stop:
            f.write(f"{time.time_ns()},{pynvml.nvmlDeviceGetTotalEnergyConsumption(h)},{pynvml.nvmlDeviceGetPowerUsage(h)}\n")
            time.sleep(period)
t = threading.Thread(target=sample); t.start(); time.sleep(3)  # 3 s idle first
lines = open(f"{out}/lines.tsv", "w"); lock = threading.Lock(); jsonl = open(f"{out}/stdout.jsonl", "w")
p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
def pump(stream, name):
    for line in stream:
        ns = time.time_ns()
        with lock:
            lines.write(f"{ns}\t{name}\t{line.rstrip()}\n"); lines.flush()
            if name == "stdout": jsonl.write(line)
ts = [threading.Thread(target=pump, args=(p.stdout, "stdout")), threading.Thread(target=pump, args=(p.stderr, "stderr"))]
[x.start() for x in ts]; rc = p.wait(); [x.join() for x in ts]
time.sleep(2); stop = True; t.join(); lines.close(); jsonl.close()
print("rc", rc)
