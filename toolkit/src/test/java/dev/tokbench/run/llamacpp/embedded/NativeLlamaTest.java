package dev.tokbench.run.llamacpp.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the embedded llama.cpp in a fresh JVM leaves a user's {@code llama*} files in the
 * temporary folder alone and prints nothing on standard output.
 */
class NativeLlamaTest {
  @TempDir Path tmp;

  /** The child JVM: loads the library, then says so. */
  public static void main(String[] args) {
    NativeLlama.load();
    System.out.println("loaded");
  }

  @Test
  void firstLoadKeepsUserFilesNamedLlamaInTmpAndPrintsNoExtractedLine() throws Exception {
    Path userModel = Files.writeString(tmp.resolve("llama-3.2-1b-Q4_K_M.gguf"), "not deleted");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                NativeLlamaTest.class.getName())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).isEqualTo("loaded\n");
    assertThat(userModel).exists().hasContent("not deleted");
  }
}
