package dev.tokbench;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The records of RFC 4180 text, one at a time, read the way commons-csv's {@code CSVFormat.RFC4180}
 * reads them (no trimming, no escape character, no comments, empty lines kept), which {@link
 * CsvInput} used until a million-row results folder spent half its reading time in commons-csv's
 * per-character lexer over a {@code StringReader}. Here an unquoted cell is one {@code substring}
 * and a quoted cell without {@code ""} is one too.
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
  private StringBuilder quoted;

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
    long opened = line;
    int from = pos + 1; // the text after the opening quote, up to the next quote or doubled quote
    StringBuilder b = null;
    for (int i = from; ; i++) {
      if (i >= text.length()) {
        throw new Malformed(
            "the quoted cell that opens on line " + opened + " is not closed by the end", false);
      }
      char c = text.charAt(i);
      if (c == '"') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
          b = builder(b).append(text, from, i + 1);
          from = ++i + 1;
          continue;
        }
        String cell = b == null ? text.substring(from, i) : b.append(text, from, i).toString();
        pos = afterClosingQuote(i + 1);
        return cell;
      }
      // a line break inside the cell still counts: the next record's line is right
      if (c == '\r' || c == '\n' && text.charAt(i - 1) != '\r') line++;
    }
  }

  private StringBuilder builder(StringBuilder b) {
    if (b != null) return b;
    if (quoted == null) quoted = new StringBuilder();
    quoted.setLength(0);
    return quoted;
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
