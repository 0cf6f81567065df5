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

  @Test
  void runLlamaBenchWithoutABinaryFallsBackToTheEmbeddedEngineAndSaysSo() {
    Path model = dir.resolve("m.gguf");
    Path results = dir.resolve("fallback.csv");
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.execute("synth", "--shape", "tiny-llama", "--type", "Q4_0", "--out", model.toString());
    String[] flags = {"-m", model.toString(), "-p", "8", "-n", "2", "-r", "1", "-t", "1"};
    List<String> args =
        new java.util.ArrayList<>(List.of("run", "llama-bench", "--out", results.toString()));
    // --embedded forces the fallback even on a machine that has a llama-bench
    if (dev.tokbench.run.llamacpp.LlamaBench.find().isPresent()) args.add("--embedded");
    args.add("--");
    args.addAll(List.of(flags));
    int status = cl.execute(args.toArray(String[]::new));
    assertThat(status).as(err.toString()).isZero();
    assertThat(err.toString()).contains("running llama.cpp (embedded)");
    List<BenchResult> rows = ResultsCsv.read(results);
    assertThat(rows).extracting(BenchResult::test).containsExactly("pp8", "tg2");
    assertThat(rows).allMatch(BenchResult::ok);
    assertThat(rows).extracting(BenchResult::framework).containsOnly("llama.cpp (embedded)");
  }

  @Test
  void runLlamaBenchWithAFlagTheEmbeddedEngineLacksExitsTwoNamingIt() {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    int status =
        cl.execute("run", "llama-bench", "--embedded", "--", "-m", "x.gguf", "-ctk", "q8_0");
    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("-ctk q8_0").contains("needs an external llama-bench");
  }
}
