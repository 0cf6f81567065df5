package dev.tokbench.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.process.Executables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real shared library in NVML's place (resources/energy/fake-nvml.c built with the machine's gcc)
 * that reports one GPU drawing a constant power and no energy counter, so a run's joules are that
 * power times its windows: what a test of where windows come from needs.
 */
public final class ConstantNvml {
  private ConstantNvml() {}

  /** Builds it in {@code dir}; the test is skipped (with why) without gcc or when gcc fails. */
  public static Path compile(Path dir, int watts) throws Exception {
    Optional<Path> gcc = Executables.find("gcc", Map.of());
    assumeTrue(gcc.isPresent(), "gcc is not in PATH: the test compiles an NVML stand-in with it");
    Path rows =
        Files.write(
            dir.resolve("rows-" + watts + "w.txt"),
            List.of(watts * 1000 + " 0 1980 2619 40 90 1048576"));
    Path lib = dir.resolve("libnvml-" + watts + "w.so");
    List<String> cmd =
        List.of(
            gcc.get().toString(),
            "-shared",
            "-fPIC",
            "-O1",
            "-DNO_ENERGY",
            "-DTRACE_PATH=\"" + rows + "\"",
            "-o",
            lib.toString(),
            RunFixtures.path("../energy/fake-nvml.c").toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor() == 0, "gcc could not build the NVML stand-in: " + log);
    return lib;
  }
}
