package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.run.llamacpp.embedded.EmbeddedOptions;
import dev.tokbench.run.mlc.MlcOptions;
import dev.tokbench.run.tinygrad.TinygradOptions;
import dev.tokbench.run.vllm.VllmOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The defaults {@code run FRAMEWORK --help} shows are the options records' own. */
class RunHelpShowsOptionsDefaultsTest {
  private static String help(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.execute(args);
    return out.toString().replaceAll("\\s+", " ");
  }

  @Test
  void eachFrameworksHelpShowsItsOptionsRecordsDefaults() {
    VllmOptions v = VllmOptions.DEFAULTS;
    assertThat(help("run", "vllm", "--help"))
        .contains("timed iterations (default: " + v.numIters() + ")")
        .contains("Throughput: requests (default: " + v.numPrompts() + ")")
        .contains("sequences per batch (default: " + v.batchSize() + ")");
    MlcOptions m = MlcOptions.DEFAULTS;
    assertThat(help("run", "mlc", "--help"))
        .contains("Requests (default: " + m.numRequests() + ")")
        .contains("Prompt tokens (default: " + m.inputLen() + ")")
        .contains("Generated tokens (default: " + m.outputLen() + ")");
    TinygradOptions t = TinygradOptions.DEFAULTS;
    assertThat(help("run", "tinygrad", "--help"))
        .contains("(default: " + t.backend() + ")")
        .contains("warm-up (default: " + t.warmupTokens() + ")");
    EmbeddedOptions e = EmbeddedOptions.DEFAULTS;
    assertThat(help("run", "llama-bench", "--help"))
        .contains("-p (default " + e.prompt() + "), -n (default " + e.gen() + ")");
    assertThat(help("run", "embedded", "--help"))
        .contains("Repetitions of each test (default: " + e.repetitions() + ")");
  }

  @Test
  void theEmbeddedAliasIsHiddenFromTheList() {
    assertThat(help("run", "--help")).contains("llama-bench").doesNotContain(" embedded ");
  }
}
