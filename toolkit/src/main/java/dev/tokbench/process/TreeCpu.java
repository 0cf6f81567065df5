package dev.tokbench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The CPU time a process tree has used, from {@code /proc/<pid>/stat} of the root and each
 * descendant: {@code utime + stime} of the living and {@code cutime + cstime} of the children they
 * waited for, in clock ticks. Where {@code /proc} is missing (macOS), the JDK's own per-process
 * total is used instead.
 */
final class TreeCpu {
  private TreeCpu() {}

  /** The pids of the tree, root first. */
  static Set<Long> pids(ProcessHandle root) {
    Set<Long> pids = new LinkedHashSet<>();
    pids.add(root.pid());
    root.descendants().forEach(h -> pids.add(h.pid()));
    return pids;
  }

  /** CPU used so far by the tree, in a unit that only needs to grow when it works. */
  static long used(ProcessHandle root) {
    long total = 0;
    for (long pid : pids(root)) total += used(pid);
    return total;
  }

  private static long used(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      return ticks(Files.readString(stat));
    } catch (IOException | RuntimeException e) {
      // gone since it was listed, or no /proc: what the JDK knows
      return ProcessHandle.of(pid)
          .flatMap(h -> h.info().totalCpuDuration())
          .map(d -> d.toMillis())
          .orElse(0L);
    }
  }

  /**
   * Fields 14-17 of {@code proc(5)}'s stat line; the command name (field 2) is in parentheses and
   * may hold spaces, so fields are counted after its closing parenthesis.
   */
  static long ticks(String statLine) {
    String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
    // f[0] is field 3 (state): utime is field 14 = f[11], stime f[12], cutime f[13], cstime f[14]
    long sum = 0;
    for (int i = 11; i <= 14; i++) sum += Long.parseLong(f[i]);
    return sum;
  }
}
