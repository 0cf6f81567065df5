package dev.tokbench.cli;

import dev.tokbench.energy.EnergyMeter;
import dev.tokbench.energy.Measurement;
import dev.tokbench.energy.PowerSource;
import dev.tokbench.energy.Probe;
import dev.tokbench.energy.SourceUnavailableException;
import dev.tokbench.energy.Trace;
import dev.tokbench.energy.WindowEnergy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokbench energy sample -- COMMAND...}: runs a command under the best power source and
 * prints its energy, as {@code time} prints its time: the command keeps the terminal (stdin,
 * stdout, stderr inherited), the summary goes to stderr, and the exit status is the command's.
 */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Run COMMAND and print its energy on stderr, gross and net of idle.",
      "The best power source (or those of --source) is sampled while COMMAND runs, after an idle"
          + " baseline. The command's own output is untouched; tokbench exits with its status, or"
          + " with 4 when no power source could be opened."
    },
    footer = {
      "",
      "Example:",
      "  tokbench energy sample --source nvml --idle-s 3 --out nvml.csv --json \\",
      "      -- llama-bench -m model.gguf -p 512 -n 128"
    })
final class EnergySampleCommand implements Callable<Integer> {
  /** Exit status when no power source could be opened. */
  static final int NO_SOURCE = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin EnergySourceOptions sources;

  @Option(
      names = "--period-ms",
      paramLabel = "N",
      defaultValue = "100",
      description = "The sampling period in milliseconds (default: ${DEFAULT-VALUE}).")
  long periodMs;

  @Option(
      names = "--idle-s",
      paramLabel = "SECONDS",
      defaultValue = "2",
      description =
          "The idle baseline before the command, in seconds; 0 for none (default:"
              + " ${DEFAULT-VALUE}).")
  double idleS;

  @Option(
      names = "--out",
      paramLabel = "TRACE",
      description = "Write every sample here, as tokbench's trace CSV.")
  Path out;

  @Option(
      names = "--source",
      split = ",",
      paramLabel = "NAME",
      description =
          "Sources to sample together instead of the best one: nvml, nvidia-smi, tegrastats, rapl.")
  List<String> names;

  @Option(names = "--json", description = "Print the summary as one JSON object.")
  boolean json;

  @Parameters(
      arity = "1..*",
      paramLabel = "COMMAND",
      description = "The command and its arguments, after --.")
  List<String> command;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    try (Probe probe =
        names == null ? Probe.first(sources.config()) : Probe.of(sources.config(), names, false)) {
      probe.attempts().forEach(a -> err.println("tokbench energy: " + a));
      List<PowerSource> open = names == null ? probe.best().stream().toList() : probe.sources();
      if (open.isEmpty()) {
        err.println("tokbench energy: no power source here");
        return NO_SOURCE;
      }
      Measurement m;
      int exit;
      try (EnergyMeter meter = EnergyMeter.start(open, Duration.ofMillis(periodMs), out)) {
        if (idleS > 0) meter.idle(Duration.ofMillis(Math.round(idleS * 1000)));
        else meter.runStartsNow();
        exit = runCommand();
        m = meter.stop();
      }
      report(err, m, exit);
      return exit;
    } catch (SourceUnavailableException e) {
      err.println("tokbench energy: " + e.getMessage());
      return NO_SOURCE;
    }
  }

  private int runCommand() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).inheritIO().start();
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw e;
    }
  }

  private void report(PrintWriter err, Measurement m, int exit) {
    WindowEnergy e = m.energy();
    Trace t = m.trace().orElse(null);
    String what =
        "energy of '" + String.join(" ", command) + "' (exit " + exit + ") by " + m.sourceNames();
    var from = t == null ? null : t.instantAt(m.run().startNs());
    var to = t == null ? null : t.instantAt(m.run().endNs());
    if (json) {
      var o = EnergyReport.json(what, e, from, to);
      EnergyReport.num(o, "idle_w", m.idleWatts());
      EnergyReport.num(o, "net_joules", e.joules() - m.idleWatts() * e.seconds());
      o.put("exit", exit);
      o.put("period_ms", periodMs);
      err.println(EnergyReport.write(o));
      return;
    }
    EnergyReport.text(err, what, e, from, to);
    err.printf(Locale.ROOT, "idle_w: %.2f%n", m.idleWatts());
    err.printf(Locale.ROOT, "net_joules: %.1f%n", e.joules() - m.idleWatts() * e.seconds());
    if (m.missedTicks() > 0)
      err.println(
          "sampler: "
              + m.missedTicks()
              + " of "
              + m.ticks()
              + " ticks missed (reads overran the period)");
  }
}
