package dev.tokbench.fleet;

import dev.tokbench.sweep.SweepPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shell line that runs one point on a target, from the sweep's folder there: {@code cd
 * WORKDIR/sweeps/S && exec env TOKBENCH_TARGET=name … java -cp '../../bundle/H/lib/*'
 * dev.tokbench.fleet.RemotePoint sweep.yaml KEY}.
 */
final class RemoteCommand {
  private RemoteCommand() {}

  /** The line, {@code key} left as the shell word {@code keyWord} (a quoted key, or "$key"). */
  static String line(Target t, Bundle bundle, SweepInputs inputs, String keyWord) {
    List<String> env = new ArrayList<>(List.of("env", "TOKBENCH_TARGET=" + t.name()));
    for (Map.Entry<String, String> e : t.env().entrySet()) env.add(e.getKey() + "=" + e.getValue());
    List<String> java = new ArrayList<>(List.of(t.java()));
    java.addAll(t.javaOptions());
    java.addAll(
        List.of(
            "-cp",
            "../../" + bundle.folder() + "/lib/*",
            RemotePoint.class.getName(),
            inputs.fileName()));
    return "cd "
        + Shell.quote(t.workdir() + "/" + inputs.folder())
        + " && exec "
        + Shell.words(env)
        + " "
        + Shell.words(java)
        + " "
        + keyWord;
  }

  /** The line for one point over SSH. */
  static String line(Target t, Bundle bundle, SweepInputs inputs, SweepPoint point) {
    return line(t, bundle, inputs, Shell.quote(point.key()));
  }
}
