package dev.tokbench;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The records of RFC 4180 text, one at a time, read the way commons-csv's {@code CSVFormat.RFC4180}
 * reads them (no trimming, no escape character, no comments, empty lines kept), which {@link
 * CsvInput} used until a million-row results folder spent half its reading time in commons-csv's
 * per-character lexer over a {@code StringReader}. Here an unquoted cell is one {@code substring};
 * a quoted cell's closing quote is found with {@code indexOf} (vectorised by the JVM), and the cell
 * is one {@code substring} too, with one {@code replace} when it has {@code ""} in it.
 * CsvInputMatchesCommonsCsvTest holds the two readers to the same records.
 *
 * <p>Fields end at {@code ,}; records at {@code \r\n}, {@code \n} or {@code \r}. A field that
 * starts with {@code "} is quoted: {@code ""} inside it is one quote, and after the closing quote
 * only whitespace may come before the next {@code ,} or line break. A {@code "} further into an
 * unquoted field is an ordinary character. A line break at the very end makes no extra record; an
 * empty line elsewhere is a record of one empty cell.
 */
final class CsvRecords {
  private final String text;
  private final int maxCells;
  private int pos;
  private long line = 1;
  private String[] cells = new String[32];
  private int nextLf = -1; // where the next \n is, once countBreaks has looked (the end if none)
  private int nextCr = -1;

  /** A problem in the text (an unclosed quote, text after a closing quote, too many cells). */
  static final class Malformed extends RuntimeException {
    /** True when the record has more than {@code maxCells} cells, not when it is malformed. */
    final boolean tooMany;

    Malformed(String message, boolean tooMany) {
      super(message, null, false, false); // thrown once per input: no stack trace to fill
      this.tooMany = tooMany;
    }
  }

  CsvRecords(String text, int maxCells) {
    this.text = text;
    this.maxCells = maxCells;
  }

  /** The 1-based line the next record starts on: 1 + the line breaks read so far. */
  long line() {
    return line;
  }

  /**
   * The next record's cells, or null at the end of the text.
   *
   * @throws Malformed for a malformed record or one with more than {@code maxCells} cells
   */
  List<String> next() {
    if (pos >= text.length()) return null;
    int n = 0;
    while (true) {
      if (n == maxCells) {
        throw new Malformed("more than " + ReadLimits.number(maxCells) + " cells", true);
      }
      if (n == cells.length) cells = Arrays.copyOf(cells, n * 2);
      cells[n++] = cell();
      if (pos >= text.length()) break;
      char c = text.charAt(pos++);
      if (c == ',') continue;
      if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') pos++;
      line++;
      break;
    }
    return new Cells(Arrays.copyOf(cells, n));
  }

  /** One cell, leaving {@code pos} at the {@code ,} or line break after it, or at the end. */
  private String cell() {
    int start = pos;
    int end = text.length();
    if (start < end && text.charAt(start) == '"') return quotedCell();
    int i = start;
    while (i < end) {
      char c = text.charAt(i);
      if (c == ',' || c == '\n' || c == '\r') break;
      i++;
    }
    pos = i;
    return text.substring(start, i);
  }

  private String quotedCell() {
    int from = pos + 1; // the text after the opening quote
    int close = pos;
    boolean doubled = false;
    while (true) {
      close = text.indexOf('"', close + 1);
      if (close < 0) {
        throw new Malformed(
            "the quoted cell that opens on line " + line + " is not closed by the end", false);
      }
      if (close + 1 == text.length() || text.charAt(close + 1) != '"') break;
      doubled = true; // "" is one quote in the cell
      close++;
    }
    countBreaks(from, close);
    String cell = text.substring(from, close);
    pos = afterClosingQuote(close + 1);
    // every quote inside is one of a pair, so the pairs replace left to right as they were read
    return doubled ? cell.replace("\"\"", "\"") : cell;
  }

  /**
   * Counts the line breaks in {@code [from, to)} of a quoted cell, so that the next record's line
   * is right. Most quoted cells (JSON objects) have none: the next {@code \n} and {@code \r} are
   * found with indexOf, which the JVM vectorises, and only a cell before one of them is scanned.
   */
  private void countBreaks(int from, int to) {
    if (nextLf < from) nextLf = next('\n', from);
    if (nextCr < from) nextCr = next('\r', from);
    if (nextLf >= to && nextCr >= to) return;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n' && text.charAt(i - 1) != '\r') line++;
    }
  }

  private int next(char c, int from) {
    int at = text.indexOf(c, from);
    return at < 0 ? text.length() : at;
  }

  /** Past the whitespace after a closing quote, to the {@code ,}, line break or end. */
  private int afterClosingQuote(int i) {
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '\n' || c == '\r') return i;
      if (!Character.isWhitespace(c)) {
        throw new Malformed(
            "'"
                + c
                + "' after the closing quote of a cell on line "
                + line
                + " (a quote in a"
                + " quoted cell is written \"\")",
            false);
      }
    }
    return i;
  }

  /** The cells of one record, as read: immutable, so {@link CsvInput.Row} keeps it uncopied. */
  static final class Cells extends AbstractList<String> implements RandomAccess {
    private final String[] cells;

    private Cells(String[] cells) {
      this.cells = cells;
    }

    @Override
    public String get(int index) {
      return cells[index];
    }

    @Override
    public int size() {
      return cells.length;
    }
  }
}
