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
