package dev.tokbench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/gpu/fit-tight-h200.sh where it cannot run: without a setting, a tool, PyTorch or a CUDA
 * GPU it exits 2 and says which, before it takes any GPU memory or writes anything.
 */
class FitTightScriptTest {
  private static final Path SCRIPT =
      Path.of("").toAbsolutePath().getParent().resolve("scripts/gpu/fit-tight-h200.sh");

  @TempDir Path dir;

  @Test
  void withoutAModelItSaysSo() throws Exception {
    Result r = run(Map.of("TOKBENCH", "/bin/true", "OUT", dir.resolve("out").toString()));
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.stderr).contains("fit-tight: set MODEL to a GGUF file");
  }

  @Test
  void aToolThatIsNotThereIsNamed() throws Exception {
    Path model = Files.writeString(dir.resolve("m.gguf"), "GGUF");
    Result r =
        run(
            Map.of(
                "MODEL", model.toString(),
                "TOKBENCH", "/bin/true",
                "OUT", dir.resolve("out").toString(),
                "LLAMA_BENCH", dir.resolve("no-llama-bench").toString()));
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.stderr).contains(dir.resolve("no-llama-bench") + " is not an executable");
  }

  @Test
  void withoutTorchOrAGpuItExitsTwoWithTheReasonAndHoldsNothing() throws Exception {
    assumeFalse(torchWithCuda(), "this machine has PyTorch with a CUDA GPU: the script would run");
    Path model = Files.writeString(dir.resolve("m.gguf"), "GGUF");
    Path out = dir.resolve("out");
    Result r =
        run(
            Map.of(
                "MODEL",
                model.toString(),
                "TOKBENCH",
                "/bin/true",
                "OUT",
                out.toString(),
                "LLAMA_BENCH",
                "/bin/true"));
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.stderr)
        .containsAnyOf("has no torch", "torch sees no CUDA GPU", "fit-tight: no python3");
    assertThat(out).doesNotExist();
  }

  private static boolean torchWithCuda() throws IOException, InterruptedException {
    try {
      Process p =
          new ProcessBuilder(
                  "python3",
                  "-c",
                  "import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException noPython) {
      return false;
    }
  }

  private record Result(int exit, String stderr) {}

  private Result run(Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString());
    for (String k : new String[] {"MODEL", "TOKBENCH", "OUT", "LLAMA_BENCH", "LLAMA_CLI"})
      pb.environment().remove(k);
    pb.environment().putAll(env);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("script ended").isTrue();
    return new Result(p.exitValue(), err);
  }
}
