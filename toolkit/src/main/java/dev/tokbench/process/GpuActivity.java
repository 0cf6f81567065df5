package dev.tokbench.process;

import java.util.Set;

/**
 * Whether a GPU is working for a process tree, for telling a stuck process from one waiting on a
 * long kernel: a process blocked in a device synchronisation prints nothing and may use no CPU
 * while its GPU computes. {@link #NONE} where no GPU can be asked.
 */
@FunctionalInterface
public interface GpuActivity {
  /** Nobody to ask: only output and CPU time count as progress. */
  GpuActivity NONE = pids -> false;

  /** True when a GPU that one of {@code pids} uses is busy now. */
  boolean busy(Set<Long> pids);
}
