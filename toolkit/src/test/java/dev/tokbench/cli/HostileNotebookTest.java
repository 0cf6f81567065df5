package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code tokbench notebook run} given notebooks built to hurt: an error that names the file, the
 * line and the limit, exit 2, and no stack trace.
 */
class HostileNotebookTest {
  @TempDir Path dir;

  @Test
  void aNotebookNested100000LevelsDeepIsRefusedNamingTheLimitNotAStackTrace() throws Exception {
    Path nb = dir.resolve("deep.ipynb");
    Files.writeString(
        nb,
        "{\"cells\": [],\n \"metadata\": "
            + "[".repeat(100_000)
            + "]".repeat(100_000)
            + ", \"nbformat\": 4, \"nbformat_minor\": 5}");
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));

    int exit = cl.execute("notebook", "run", "--out", dir.resolve("out").toString(), nb.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(nb + ":2:")
        .contains("nesting")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }
}
