package dev.tokbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.testing.RunFixtures;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading tokbench's results CSV: columns by name, samples, and errors at their cell and line. */
class ResultsCsvReadTest {
  private static List<BenchResult> h100() {
    return LlamaBenchOutput.read(RunFixtures.path("llama-bench/h100-report-matrix.json"));
  }

  private static String written(List<BenchResult> rows) throws IOException {
    StringWriter out = new StringWriter();
    ResultsCsv.write(out, rows, true);
    return out.toString();
  }

  private static List<BenchResult> read(String text) throws IOException {
    return ResultsCsv.read(new StringReader(text), "r.csv");
  }

  @Test
  void rowsWrittenAreReadBackEqual() throws IOException {
    List<BenchResult> rows = h100();
    assertThat(read(written(rows))).isEqualTo(rows);
  }

  @Test
  void columnsAreFoundByNameInAnyOrder() throws IOException {
    List<BenchResult> rows = h100().subList(0, 3);
    List<String> lines = new ArrayList<>();
    for (String line : written(rows).split("\n")) lines.add(reversedCells(line));
    assertThat(read(String.join("\n", lines))).isEqualTo(rows);
  }

  /** The cells of a line in reverse order (the test's rows quote no commas in their cells). */
  private static String reversedCells(String line) {
    List<String> cells =
        new ArrayList<>(List.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)));
    Collections.reverse(cells);
    return String.join(",", cells);
  }

  @Test
  void samplesAreSemicolonJoinedAndTrailingSeparatorsAreIgnored() {
    assertThat(ResultsCsvRows.samples("1.5; 2;3.25")).containsExactly(1.5, 2.0, 3.25);
    assertThat(ResultsCsvRows.samples("7;;")).containsExactly(7.0);
    assertThat(ResultsCsvRows.samples(";")).isEmpty();
    assertThat(ResultsCsvRows.samples(" ")).isEmpty();
    assertThatThrownBy(() -> ResultsCsvRows.samples("1;;2"))
        .hasMessage("column samples_ts: '' is not a number");
    assertThatThrownBy(() -> ResultsCsvRows.samples("1;fast"))
        .hasMessage("column samples_ts: 'fast' is not a number");
  }

  @Test
  void aBadCellIsReportedWithItsColumnAndLine() throws IOException {
    String text = written(h100().subList(0, 2));
    String[] lines = text.split("\n");
    String header = lines[0];
    String bad = lines[2].replaceFirst(",tg128,0,128,", ",tg128,0,1x8,");
    assertThat(bad).isNotEqualTo(lines[2]);
    assertThatThrownBy(() -> read(header + "\n" + lines[1] + "\n" + bad + "\n"))
        .isInstanceOf(ResultsFormatException.class)
        .hasMessage("r.csv:3: column n_gen: '1x8' is not a whole number");
  }

  @Test
  void aRowWithTheWrongCellCountIsReportedWithItsLine() throws IOException {
    String text = written(h100().subList(0, 1)) + "llama.cpp,CPU\n";
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(ResultsFormatException.class)
        .hasMessage("r.csv:3: expected 20 cells, found 2");
  }

  @Test
  void aMissingColumnListsTheHeader() {
    assertThatThrownBy(() -> read("framework,backend\nllama.cpp,CPU\n"))
        .isInstanceOf(ResultsFormatException.class)
        .hasMessageStartingWith("r.csv:1: missing columns [model, quant, test,")
        .hasMessageEndingWith("; the header has [framework, backend]");
  }
}
