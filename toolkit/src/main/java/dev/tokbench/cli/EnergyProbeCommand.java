package dev.tokbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tokbench.energy.Attempt;
import dev.tokbench.energy.Probe;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tokbench energy probe}: which power sources this machine has, and why not the others. */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = {
      "Say which power sources this machine has, and why not the others.",
      "Every source is tried in order of preference: nvml, nvidia-smi, tegrastats, rapl. Exit"
          + " status 0 when one is available, 1 when none is."
    })
final class EnergyProbeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin EnergySourceOptions sources;

  @Option(
      names = "--json",
      description = "Print a JSON array of {source, available, detail} instead.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Probe probe = Probe.all(sources.config())) {
      if (json) {
        ObjectMapper m = new ObjectMapper();
        ArrayNode a = m.createArrayNode();
        for (Attempt t : probe.attempts()) {
          a.addObject()
              .put("source", t.source())
              .put("available", t.available())
              .put("detail", t.detail());
        }
        out.println(m.writeValueAsString(a));
      } else {
        for (Attempt t : probe.attempts()) out.println(t);
        out.println("best: " + probe.best().map(s -> s.info().toString()).orElse("none"));
      }
      return probe.best().isPresent() ? 0 : 1;
    }
  }
}
