package dev.tokbench.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.process.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code run/fake-llama-bench.c} with the machine's gcc: a program that parses llama-bench's
 * matrix flags, prints real jsonl rows (a captured row with its test fields replaced) and dies
 * where and how it is told (SIGILL, SIGSEGV, ggml's assertion, CUDA's out of memory, a hang).
 */
public final class FakeLlamaBench {
  private FakeLlamaBench() {}

  /** The compiled program in {@code dir}; the test is skipped (with the reason) without gcc. */
  public static Path compile(Path dir) throws IOException, InterruptedException {
    Path gcc = Executables.find("gcc", Map.of()).orElse(null);
    assumeTrue(gcc != null, "gcc is not on the PATH: the crash tests compile a fake llama-bench");
    Path out = dir.resolve("llama-bench");
    List<String> cmd =
        List.of(
            gcc.toString(),
            "-O1",
            "-o",
            out.toString(),
            RunFixtures.path("fake-llama-bench.c").toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IllegalStateException("gcc failed: " + cmd + "\n" + log);
    return out;
  }

  /** A real captured row (tiny-llama-F16, CPU) the fake prints with its test fields replaced. */
  public static Path row() {
    return RunFixtures.path("llama-bench/cpu-tiny-row.jsonl");
  }
}
