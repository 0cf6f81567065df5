package dev.tokbench.device;

import dev.tokbench.process.Executables;
import dev.tokbench.process.GpuActivity;
import dev.tokbench.process.Launcher;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a process tree's GPUs are busy, as {@code nvidia-smi} sees it: the GPUs its processes
 * hold a context on ({@code --query-compute-apps=pid,gpu_uuid}), busy when their utilization is
 * above 0 %. When none of the tree's processes is listed (a container's pid namespace hides them,
 * or the context is not made yet), any busy GPU counts: a stuck process is never called so while a
 * GPU may be computing for it.
 */
public final class NvidiaSmiActivity implements GpuActivity {
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(15);

  private final Path nvidiaSmi;
  private final Map<String, String> env;

  private NvidiaSmiActivity(Path nvidiaSmi, Map<String, String> env) {
    this.nvidiaSmi = nvidiaSmi;
    this.env = Map.copyOf(env);
  }

  /** The {@code nvidia-smi} on the run's {@code PATH}; {@link GpuActivity#NONE} without one. */
  public static GpuActivity of(Map<String, String> env) {
    return Executables.find("nvidia-smi", env)
        .<GpuActivity>map(p -> new NvidiaSmiActivity(p, env))
        .orElse(GpuActivity.NONE);
  }

  @Override
  public boolean busy(Set<Long> pids) {
    Set<String> mine = new HashSet<>();
    for (List<String> app : query("--query-compute-apps=pid,gpu_uuid")) {
      if (app.size() == 2 && pids.contains(parse(app.get(0)))) mine.add(app.get(1));
    }
    for (List<String> gpu : query("--query-gpu=uuid,utilization.gpu")) {
      if (gpu.size() != 2 || !(mine.isEmpty() || mine.contains(gpu.get(0)))) continue;
      if (parse(gpu.get(1)) > 0) return true;
    }
    return false;
  }

  private List<List<String>> query(String what) {
    List<List<String>> rows = new ArrayList<>();
    ProcessSpec spec =
        new ProcessSpec(
            List.of(nvidiaSmi.toString(), what, "--format=csv,noheader,nounits"),
            env,
            null,
            QUERY_TIMEOUT,
            null);
    ProcessOutcome o =
        Launcher.run(
            spec,
            line ->
                rows.add(
                    List.of(line.split("\\s*,\\s*", -1)).stream().map(String::strip).toList()));
    return o.succeeded() ? rows : List.of();
  }

  private static long parse(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return -1; // [N/A], [Not Supported]
    }
  }

  @Override
  public String toString() {
    return "GPU activity from " + nvidiaSmi;
  }
}
