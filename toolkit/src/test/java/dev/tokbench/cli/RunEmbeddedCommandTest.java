package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsCsv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunEmbeddedCommandTest {
  @TempDir Path dir;

  @Test
  void synthThenRunEmbeddedWritesOkRowsToTheResultsFile() {
    Path model = dir.resolve("m.gguf");
    Path csv = dir.resolve("rows.csv");
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(
            cl.execute(
                "synth", "--shape", "tiny-llama", "--type", "Q8_0", "--out", model.toString()))
        .as(err.toString())
        .isZero();
    int status =
        cl.execute(
            "run",
            "embedded",
            "--model",
            model.toString(),
            "-p",
            "16",
            "-n",
            "4",
            "-r",
            "1",
            "-t",
            "2",
            "--out",
            csv.toString());
    assertThat(status).as(err.toString()).isZero();
    List<BenchResult> rows = ResultsCsv.read(csv);
    assertThat(rows).extracting(BenchResult::test).containsExactly("pp16", "tg4");
    assertThat(rows).allMatch(BenchResult::ok);
    assertThat(rows).extracting(BenchResult::quant).containsOnly("Q8_0");
  }

  @Test
  void aMissingModelFileIsBadInput() {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("run", "embedded", "--model", dir.resolve("none.gguf").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("none.gguf");
  }
}
