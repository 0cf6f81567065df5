package dev.tokbench.fleet;

import java.util.ArrayList;
import java.util.List;

/** The batch script of a fleet's job array: task N runs line N+1 of {@code points.txt}. */
final class SlurmJob {
  private SlurmJob() {}

  /** The script, {@code #SBATCH} lines from the target's settings. */
  static String script(Target t, Installed in) {
    SlurmSettings s = t.slurm();
    List<String> lines = new ArrayList<>();
    lines.add("#!/bin/sh");
    lines.add("#SBATCH --job-name=tokbench-" + in.inputs().folder().substring("sweeps/".length()));
    lines.add("#SBATCH --output=task-%a.log");
    option(lines, "partition", s.partition());
    option(lines, "account", s.account());
    option(lines, "gres", s.gres());
    option(lines, "time", s.time());
    lines.add("cd \"$SLURM_SUBMIT_DIR\" || exit 1");
    lines.add("key=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" points.txt)");
    lines.add("out=\"$SLURM_SUBMIT_DIR/rows-$SLURM_ARRAY_TASK_ID.txt\"");
    lines.add("cd \"$HOME\" || exit 1");
    lines.add(RemoteCommand.line(t, in.bundle(), in.inputs(), "\"$key\"") + " > \"$out\"");
    return String.join("\n", lines) + "\n";
  }

  private static void option(List<String> lines, String name, String value) {
    if (value != null && !value.isBlank()) lines.add("#SBATCH --" + name + "=" + value);
  }

  /** A shell command that writes {@code text} to {@code file} (a here-document). */
  static String write(String file, String text) {
    return "cat > " + Shell.quote(file) + " <<'TOKBENCH_EOF'\n" + text + "TOKBENCH_EOF\n";
  }
}
