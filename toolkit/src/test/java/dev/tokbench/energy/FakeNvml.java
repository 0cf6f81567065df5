package dev.tokbench.energy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds resources/energy/fake-nvml.c with the machine's gcc into a real shared library that
 * exports the NVML functions tokbench calls, playing back the H100's recorded power trace as a GPU
 * would report it: power in mW and a total-energy counter in mJ (the trace's trapezoid, summed).
 */
final class FakeNvml {
  private FakeNvml() {}

  /** The H100 trace's rows as the library reads them; the counter is the running trapezoid. */
  static Path rows(Path dir, Trace h100) throws IOException {
    List<String> out = new ArrayList<>();
    List<PowerSample> s = h100.samples();
    double joules = 0;
    for (int i = 0; i < s.size(); i++) {
      if (i > 0) {
        double dt = (s.get(i).stamp().monoNs() - s.get(i - 1).stamp().monoNs()) / 1e9;
        joules += dt * (s.get(i).watts() + s.get(i - 1).watts()) / 2;
      }
      Readings r = s.get(i).readings();
      out.add(
          String.format(
              java.util.Locale.ROOT,
              "%d %d %.0f %.0f %.0f %.0f %d",
              Math.round(s.get(i).watts() * 1000),
              Math.round(joules * 1000),
              r.smMhz(),
              r.memMhz(),
              r.tempC(),
              r.utilPct(),
              Math.round(r.memUsedMib() * 1024 * 1024)));
    }
    return Files.write(dir.resolve("rows.txt"), out);
  }

  /** Compiles a variant named {@code name} with {@code defines} ({@code -DNO_ENERGY}, ...). */
  static Path compile(Path dir, String name, Path rows, String... defines) throws Exception {
    Optional<Path> gcc = Programs.find("gcc", java.util.Map.of());
    assumeTrue(
        gcc.isPresent(), "gcc is not in PATH: the NVML tests compile a stand-in library with it");
    Path source = Fixtures.resource("fake-nvml.c");
    Path lib = dir.resolve("libfake-nvml-" + name + ".so");
    List<String> cmd = new ArrayList<>(List.of(gcc.get().toString(), "-shared", "-fPIC", "-O1"));
    if (rows != null) cmd.add("-DTRACE_PATH=\"" + rows + "\"");
    cmd.addAll(List.of(defines));
    cmd.addAll(List.of("-o", lib.toString(), source.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IllegalStateException("gcc failed: " + cmd + "\n" + log);
    return lib;
  }
}
