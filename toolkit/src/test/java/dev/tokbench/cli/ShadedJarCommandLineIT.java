package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as users start it, {@code java -jar tokbench-toolkit-all.jar}, each command in a
 * fresh JVM (so that nothing a test did before has already quieted a library): no command writes
 * SLF4J's warnings, and a JShell script that throws exits non-zero with the exception on stderr.
 * Runs after {@code package} (failsafe).
 */
class ShadedJarCommandLineIT {
  private static final Path JAR = Path.of("target/tokbench-toolkit-all.jar").toAbsolutePath();
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  record Outcome(int status, String out, String err) {}

  private Outcome tokbench(String... args) throws IOException, InterruptedException {
    assumeTrue(Files.isRegularFile(JAR), "no shaded jar at " + JAR + ": run mvn package first");
    List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .directory(REPO.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("tokbench " + String.join(" ", args) + " did not end");
    }
    return new Outcome(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void noCommandWarnsAboutSlf4j() throws Exception {
    String gguf = "toolkit/src/test/resources/gguf/tiny-llama-Q8_0.gguf";
    String[][] commands = {
      {"device", "--list"},
      {"gguf", "inspect", "--verify", gguf},
      {"import", "data/h100-sxm5-2026-11-25/h100-report-matrix.json"},
      {"synth", "--list"}
    };
    for (String[] c : commands) {
      Outcome o = tokbench(c);
      assertThat(o.status()).as(String.join(" ", c) + "\n" + o.err()).isZero();
      assertThat(o.err()).as(String.join(" ", c)).doesNotContain("SLF4J");
    }
  }

  @Test
  void aJShellScriptThatThrowsExitsNonZeroWithTheExceptionOnStderr() throws Exception {
    Path script =
        Files.writeString(
            dir.resolve("boom.jsh"),
            "System.out.println(\"before\");\n"
                + "throw new IllegalStateException(\"boom\");\n"
                + "/exit\n");
    Outcome o = tokbench("jshell", script.toString());
    assertThat(o.status()).isEqualTo(1);
    assertThat(o.out()).contains("before");
    assertThat(o.err()).contains("Exception java.lang.IllegalStateException: boom");
  }
}
