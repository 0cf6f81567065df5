package dev.tokbench.process;

import java.time.Duration;

/**
 * Tells a stuck process from a slow one: progress is output, CPU time used anywhere in the tree
 * (read at most once a second), or a busy GPU (asked only once the rest has been still for the
 * whole limit, since asking costs a process launch).
 */
final class StallWatch {
  private final long quietNs;
  private final long checkEveryNs;
  private final GpuActivity gpu;
  private final ProcessHandle root;
  private long lastProgress = System.nanoTime();
  private long nextCheck = lastProgress;
  private long cpu = -1;

  StallWatch(Duration quiet, GpuActivity gpu, ProcessHandle root) {
    this.quietNs = quiet == null ? -1 : quiet.toNanos();
    this.checkEveryNs = Math.max(1, Math.min(1_000_000_000L, quietNs / 4));
    this.gpu = gpu;
    this.root = root;
  }

  void output(long at) {
    lastProgress = Math.max(lastProgress, at);
  }

  boolean stuck(long now) {
    if (quietNs < 0 || now - nextCheck < 0) return false;
    nextCheck = now + checkEveryNs;
    long used = TreeCpu.used(root);
    if (used != cpu) {
      if (cpu >= 0) lastProgress = now;
      cpu = used;
    }
    if (now - lastProgress < quietNs) return false;
    if (gpu.busy(TreeCpu.pids(root))) {
      lastProgress = now;
      return false;
    }
    return true;
  }
}
