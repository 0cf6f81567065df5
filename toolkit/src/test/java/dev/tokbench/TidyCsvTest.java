package dev.tokbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TidyCsvTest {
  private static final List<String> COLS = List.of("model", "tokens_per_s");

  @Test
  void missingColumnIsReportedOnTheHeaderLineWithTheColumnsFound() {
    assertThatThrownBy(() -> TidyCsv.parse("model,tok\nx,1\n", "f.csv", COLS))
        .isInstanceOf(DataFileException.class)
        .hasMessage("f.csv:1: missing columns [tokens_per_s]; found [model, tok]")
        .satisfies(e -> assertThat(((DataFileException) e).line()).isEqualTo(1));
  }

  @Test
  void rowWithTooFewCellsIsReportedAtItsLine() {
    assertThatThrownBy(() -> TidyCsv.parse("model,tokens_per_s\na,1\nb\n", "f.csv", COLS))
        .hasMessage("f.csv:3: expected 2 cells, found 1");
  }

  @Test
  void notANumberNamesFileLineAndColumn() {
    TidyCsv csv = TidyCsv.parse("model,tokens_per_s\na,1\nb,fast\n", "f.csv", COLS);
    assertThat(csv.rows().get(0).number("tokens_per_s")).isEqualTo(1.0);
    assertThatThrownBy(() -> csv.rows().get(1).number("tokens_per_s"))
        .hasMessage("f.csv:3: column 'tokens_per_s': 'fast' is not a number");
  }

  @Test
  void linesCountPhysicalLinesAcrossQuotedNewlines() {
    TidyCsv csv = TidyCsv.parse("model,tokens_per_s\n\"two\nlines\",1\nc,\n", "f.csv", COLS);
    assertThat(csv.rows().get(1).line()).isEqualTo(4);
    assertThat(csv.rows().get(1).optionalNumber("tokens_per_s")).isNaN();
    assertThatThrownBy(() -> csv.rows().get(1).number("tokens_per_s"))
        .hasMessage("f.csv:4: column 'tokens_per_s' is empty");
  }
}
