package dev.tokbench.cli;

import dev.tokbench.energy.Trace;
import dev.tokbench.energy.TraceOptions;
import dev.tokbench.energy.Traces;
import dev.tokbench.energy.UnixOrIsoTime;
import dev.tokbench.energy.Window;
import dev.tokbench.energy.WindowEnergy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tokbench energy TRACE}: the energy of a saved power trace (an nvidia-smi --query-gpu CSV,
 * a tegrastats log or tokbench's own), over the whole of it or between {@code --from} and {@code
 * --to}.
 */
@Command(
    name = "energy",
    mixinStandardHelpOptions = true,
    description = {
      "Summarise a saved power trace: samples, duration, mean and peak watts, and joules.",
      "Joules are the trapezoidal integral of the power samples, with linear interpolation at the"
          + " window's edges, or an energy counter's difference where the trace has one.",
      "TRACE is a tegrastats log, a trace of 'tokbench energy sample --out', or an nvidia-smi"
          + " --query-gpu CSV, with or without nounits, of a timestamp and a power column (see"
          + " --column)."
    },
    footer = {
      "",
      "Example:",
      "  tokbench energy telemetry.csv --tz UTC \\",
      "      --from 1795579760.3753743 --to 1795579769.2134356"
    },
    subcommands = {EnergySampleCommand.class, EnergyProbeCommand.class})
final class EnergyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "TRACE", description = "The power trace.")
  Path trace;

  @Option(
      names = "--from",
      paramLabel = "T",
      description =
          "Window start: Unix seconds (1795579748.91), milliseconds with ms (1795579748910ms) or"
              + " ISO-8601.")
  String from;

  @Option(names = "--to", paramLabel = "T", description = "Window end, as --from.")
  String to;

  @Option(
      names = "--json",
      description =
          "Print one JSON object instead: samples, duration_s, mean_w, peak_w, joules and more.")
  boolean json;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      description =
          "The time zone of timestamps without one, as nvidia-smi and tegrastats print local time"
              + " (default: this machine's).")
  ZoneId zone;

  @Option(
      names = "--interval-ms",
      paramLabel = "N",
      description =
          "The tegrastats --interval the log was written at, in milliseconds (default: from its"
              + " timestamps, else 1000).")
  Long intervalMs;

  @Option(
      names = "--column",
      paramLabel = "FIELD",
      description = {
        "The nvidia-smi power column to integrate.",
        "Default: the first the CSV has of power.draw.instant, power.draw and power.draw.average."
      })
  String column;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (trace == null) {
      spec.commandLine().usage(out);
      return 0;
    }
    TraceOptions options = TraceOptions.defaults();
    if (zone != null) options = options.withZone(zone);
    if (intervalMs != null) options = options.withInterval(Duration.ofMillis(intervalMs));
    if (column != null) options = options.withPowerColumn(column);
    Trace t = Traces.read(trace, options);
    Instant a = from == null ? null : UnixOrIsoTime.parse(from, options.zone());
    Instant b = to == null ? null : UnixOrIsoTime.parse(to, options.zone());
    Window w = t.window(a, b);
    WindowEnergy e = t.energy(w);
    String what = trace.getFileName() + ": " + t.description();
    if (json)
      out.println(
          EnergyReport.write(
              EnergyReport.json(what, e, t.instantAt(w.startNs()), t.instantAt(w.endNs()))));
    else EnergyReport.text(out, what, e, t.instantAt(w.startNs()), t.instantAt(w.endNs()));
    return 0;
  }
}
