package dev.tokbench.fleet;

import dev.tokbench.process.Launcher;
import dev.tokbench.process.OutputListener;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Short commands on a target (checks, installs, Slurm's commands), their stdout kept. */
final class Remote {
  /** Enough for any check or copy but a model over a slow link. */
  static final Duration SHORT = Duration.ofMinutes(2);

  /** Copies get longer: a 40 GB model over 1 Gbit/s takes about six minutes. */
  static final Duration COPY = Duration.ofHours(2);

  private Remote() {}

  /** What a command printed on stdout, line by line. */
  record Output(ProcessOutcome outcome, List<String> stdout) {}

  /** Runs a script there; a failure is {@link TargetUnusable} saying {@code doing} what. */
  static List<String> run(Target t, String script, String doing) {
    Output o = tryRun(t.shell().script(script).withTimeout(SHORT));
    if (!o.outcome().succeeded()) throw failed(t, doing, o.outcome());
    return o.stdout();
  }

  /** Runs a process, keeping stdout; never throws for a failed command. */
  static Output tryRun(ProcessSpec spec) {
    List<String> out = new ArrayList<>();
    ProcessOutcome outcome = Launcher.run(spec, (OutputListener) out::add);
    return new Output(outcome, out);
  }

  static TargetUnusable failed(Target t, String doing, ProcessOutcome o) {
    String lost = t.shell().connectionLost(o) ? "lost the connection" : "failed";
    return new TargetUnusable(
        t.name() + ": " + doing + " " + lost + ": " + o.failureReason().replace('\n', ' '));
  }
}
