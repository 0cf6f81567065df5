package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NotebookCommandTest {
  @TempDir Path dir;

  private record Outcome(int exitCode, String err) {}

  private static Outcome run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    return new Outcome(cl.execute(args), err.toString());
  }

  private Path notebook(String name, String source) throws Exception {
    Path nb = dir.resolve(name);
    Files.writeString(
        nb,
        "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": null, \"id\": \"a\","
            + " \"metadata\": {}, \"outputs\": [], \"source\": \""
            + source
            + "\"}], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
    return nb;
  }

  @Test
  void failingNotebookExitsOneNamingNotebookAndCellAndIsStillWritten() throws Exception {
    Path ok = notebook("ok.ipynb", "1 + 1");
    Path bad = notebook("bad.ipynb", "Integer.parseInt(\\\"x\\\")");
    Path out = dir.resolve("out");
    Outcome o = run("notebook", "run", "--out", out.toString(), ok.toString(), bad.toString());
    assertThat(o.exitCode()).isEqualTo(1);
    assertThat(o.err())
        .contains("ok.ipynb: 1 code cells ok")
        .contains("bad.ipynb: cell 0 failed: java.lang.NumberFormatException");
    assertThat(Files.readString(out.resolve("bad.ipynb"))).contains("\"output_type\": \"error\"");
    assertThat(Files.readString(out.resolve("ok.ipynb"))).contains("\"execution_count\": 1");
  }

  @Test
  void inPlaceOrOutMustBeChosen() throws Exception {
    Path nb = notebook("x.ipynb", "1");
    Outcome o = run("notebook", "run", nb.toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("say either --in-place or --out DIR");
  }

  @Test
  void badParameterSyntaxIsAUsageError() throws Exception {
    Path nb = notebook("x.ipynb", "1");
    Outcome o = run("notebook", "run", "--in-place", "-p", "novalue", nb.toString());
    assertThat(o.exitCode()).isEqualTo(2);
    assertThat(o.err()).contains("-p takes NAME=VALUE, got 'novalue'");
  }
}
