package dev.tokbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvInput} reads CSV as commons-csv's RFC 4180 format did when it was CsvInput's parser:
 * the same header, the same cells and the same line for every record, or a refusal at the same
 * line, over hand-picked edge cases and many random texts of the characters that matter.
 */
class CsvInputMatchesCommonsCsvTest {
  private static final ReadLimits WIDE = limits(10_000);
  private static final ReadLimits NARROW = limits(3);

  private static final List<String> EDGE_CASES =
      List.of(
          "",
          "\n",
          "\r\n",
          "\r",
          "a",
          "a\n",
          "a\n\n",
          "a\n\nb\n",
          "a,b\r\n1,2\r\n",
          "a,b\r1,2\r3",
          "a,b\n1,\n,2\n,\n",
          "a,b\n1,2,",
          "a\n\"x\"",
          "a\n\"x\"\"y\"",
          "a\n\"x\ny\"\nz",
          "a\n\"x\r\ny\"\r\nz\r\n",
          "a\n\"x\r\"\nz",
          "a\n\"x\" ,y\n",
          "a\n\"x\"\t\n",
          "a\n\"x\"y\n",
          "a\n\"x\" \"",
          "a\n\"x",
          "a\n\"x\"\"",
          "a\nx\"y\"\n",
          "a\n \"x\"\n",
          "a,a\n",
          "a,,b\n",
          "a, \n",
          "\"a\",\"\"\n",
          "a\n\"\"\n",
          "a\n\"\"\"\"\n",
          "a,b,c,d\n1\n",
          "a\n1,2,3,4\n5",
          "a\n\"x\"\u00a0\n",
          "a\n\"x\"\u2028\n",
          "a\n\"x\"\u001f,y");

  @Test
  void handPickedEdgeCasesReadTheSame() {
    for (String text : EDGE_CASES) {
      assertSameReading(text, WIDE);
      assertSameReading(text, NARROW);
    }
  }

  @Test
  void randomTextsReadTheSame() {
    Random random = new Random(4180);
    char[] alphabet = {'a', 'b', ',', ',', '"', '"', '\n', '\r', ' ', '\t'};
    for (int n = 0; n < 30_000; n++) {
      // half under a good header, or most texts would be refused for a blank or repeated name
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "x,y\n" : "");
      int length = random.nextInt(24);
      for (int i = 0; i < length; i++) text.append(alphabet[random.nextInt(alphabet.length)]);
      assertSameReading(text.toString(), n % 2 == 0 ? WIDE : NARROW);
    }
  }

  @Test
  void randomWellFormedTablesReadTheSame() {
    Random random = new Random(13);
    for (int n = 0; n < 2_000; n++) {
      assertSameReading(table(random), WIDE);
    }
  }

  /** A header of distinct names and rows of cells, some quoted, with mixed line ends. */
  private static String table(Random random) {
    StringBuilder text = new StringBuilder();
    int columns = 1 + random.nextInt(5);
    for (int c = 0; c < columns; c++) text.append(c == 0 ? "" : ",").append("col").append(c);
    for (int r = random.nextInt(6); r >= 0; r--) {
      text.append(List.of("\n", "\r\n", "\r").get(random.nextInt(3)));
      for (int c = random.nextInt(columns + 2); c >= 0; c--) {
        String cell = Integer.toString(random.nextInt(1000), 36);
        boolean quote = random.nextInt(3) == 0;
        if (quote) cell = "\"" + cell + (random.nextBoolean() ? "\"\"\n\r\n," : "") + "\"";
        text.append(cell).append(c > 0 ? "," : "");
      }
    }
    return random.nextBoolean() ? text.append('\n').toString() : text.toString();
  }

  private static void assertSameReading(String text, ReadLimits limits) {
    assertThat(ours(text, limits)).as("reading %s", visible(text)).isEqualTo(commons(text, limits));
  }

  /** What was read: the header and each row's line and cells, or the line of the refusal. */
  private record Reading(List<String> header, List<String> rows, long refusedAt) {
    static Reading refused(long line) {
      return new Reading(List.of(), List.of(), line);
    }

    static Reading of(List<String> header, List<CsvInput.Row> rows) {
      List<String> shown = new ArrayList<>();
      for (CsvInput.Row r : rows) shown.add(r.line() + ": " + visible(r.cells().toString()));
      return new Reading(header, shown, 0);
    }
  }

  private static Reading ours(String text, ReadLimits limits) {
    try {
      CsvInput csv = CsvInput.parse(text, "t.csv", limits, CsvInputMatchesCommonsCsvTest::error);
      return Reading.of(csv.header(), csv.rows());
    } catch (BadLineException e) {
      return Reading.refused(e.line());
    }
  }

  private static BadInputException error(long line, String problem, Throwable cause) {
    return new BadLineException("t.csv", line, problem, cause);
  }

  /** CsvInput's reading as it was, with commons-csv, kept here as the reference. */
  private static Reading commons(String text, ReadLimits limits) {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
      List<String> header = parser.getHeaderNames();
      if (header.size() > limits.maxItems()) return Reading.refused(1);
      List<CsvInput.Row> rows = new ArrayList<>();
      Iterator<CSVRecord> it = parser.iterator();
      for (long start = parser.getCurrentLineNumber() + 1;
          ;
          start = parser.getCurrentLineNumber() + 1) {
        CSVRecord rec;
        try {
          if (!it.hasNext()) return Reading.of(header, rows);
          rec = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          return Reading.refused(start);
        }
        if (rec.size() > limits.maxItems()) return Reading.refused(start);
        rows.add(new CsvInput.Row(start, rec.toList()));
      }
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      return Reading.refused(1);
    }
  }

  private static ReadLimits limits(int maxCells) {
    return new ReadLimits("test CSV", 1 << 20, 1 << 20, 1, 1 << 20, maxCells);
  }

  private static String visible(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }
}
