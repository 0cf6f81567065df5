package dev.tokbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** {@link CsvOutput} writes what commons-csv's printer writes, cell for cell. */
class CsvOutputTest {
  private static final String ALPHABET = "ab ,\"\n\r#!\t\u0001\u00e9\u20ac;{}:-.0";

  @Test
  void writesWhatCommonsCsvWritesForCellsOfEveryKind() throws IOException {
    List<List<String>> records = new ArrayList<>();
    records.add(List.of("framework", "backend", "model"));
    records.add(List.of("", "", ""));
    records.add(List.of("", "x"));
    records.add(List.of("x", ""));
    records.add(List.of(" lead", "trail ", "in side", "#hash", "!bang", "a#b"));
    records.add(List.of("{\"n_threads\":\"8\"}", "a,b", "line\nbreak", "cr\rcr", "q\"uote"));
    records.add(List.of("\"", "\"\"", ",", "\n", "\t", "\u0001"));
    Random rnd = new Random(7);
    for (int r = 0; r < 20_000; r++) {
      List<String> cells = new ArrayList<>();
      int width = 1 + rnd.nextInt(4);
      for (int c = 0; c < width; c++) {
        StringBuilder s = new StringBuilder();
        int len = rnd.nextInt(6);
        for (int i = 0; i < len; i++) s.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        cells.add(s.toString());
      }
      records.add(cells);
    }
    StringBuilder ours = new StringBuilder();
    StringBuilder theirs = new StringBuilder();
    CSVPrinter printer =
        new CSVPrinter(theirs, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
    for (List<String> rec : records) {
      CsvOutput.record(ours, rec);
      printer.printRecord(rec);
    }
    assertThat(ours.toString()).isEqualTo(theirs.toString());
  }
}
