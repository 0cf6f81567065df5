package dev.tokbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every problem in CSV text is the reader's own exception, at the line of the record. */
class CsvInputErrorsTest {
  private static CsvInput parse(String text) {
    return CsvInput.parse(
        text,
        "t.csv",
        ReadLimits.RESULTS,
        (line, problem, cause) -> new BadLineException("t.csv", line, problem, cause));
  }

  @Test
  void aRepeatedOrBlankHeaderNameIsABadHeader() {
    assertThatThrownBy(() -> parse("a,b,a\n1,2,3\n"))
        .hasMessage("t.csv:1: bad CSV header: columns 1 and 3 are both named 'a'");
    assertThatThrownBy(() -> parse("a, ,b\n"))
        .hasMessageStartingWith("t.csv:1: bad CSV header: column 2 has no name in [a,  , b]");
    assertThatThrownBy(() -> parse("\"a\nb"))
        .hasMessageStartingWith("t.csv:1: bad CSV header: the quoted cell that opens on line 1");
  }

  @Test
  void aQuoteLeftOpenIsMalformedAtTheLineItOpens() {
    assertThatThrownBy(() -> parse("a,b\n1,2\n3,\"4\n5,6\n"))
        .isInstanceOfSatisfying(BadLineException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("malformed CSV: the quoted cell that opens on line 3 is not closed");
  }

  @Test
  void textAfterAClosingQuoteIsMalformedAtItsRecordsLine() {
    assertThatThrownBy(() -> parse("a,b\n\"x\ny\",\"2\"z\n"))
        .isInstanceOfSatisfying(BadLineException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageContaining("'z' after the closing quote of a cell on line 3");
  }

  @Test
  void aRowPastTheCellLimitIsRefusedWithoutReadingItAll() {
    String wide = "a\n1\n" + ",".repeat(1_000_000) + "\n";
    assertThatThrownBy(() -> parse(wide))
        .isInstanceOfSatisfying(InputLimitException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("more than 10,000 cells in a row")
        .hasMessageContaining("at most 10,000 cells in a row");
    assertThatThrownBy(() -> parse(",".repeat(10_000)))
        .isInstanceOfSatisfying(InputLimitException.class, e -> assertThat(e.line()).isEqualTo(1));
  }

  @Test
  void rowsKnowTheirLinesAcrossQuotedLineBreaks() {
    CsvInput csv = parse("a,b\r\n\"1\r\n1\",2\r\n\r\n3,\"\"\"4\"\"\"\r\n");
    assertThat(csv.header()).containsExactly("a", "b");
    assertThat(csv.rows())
        .containsExactly(
            new CsvInput.Row(2, java.util.List.of("1\r\n1", "2")),
            new CsvInput.Row(4, java.util.List.of("")),
            new CsvInput.Row(5, java.util.List.of("3", "\"4\"")));
    assertThat(csv.rows().get(2).get(csv.header(), "b")).isEqualTo("\"4\"");
    assertThat(csv.rows().get(1).get(1)).isEmpty();
  }
}
