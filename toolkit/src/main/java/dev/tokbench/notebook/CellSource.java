package dev.tokbench.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell's text split into line magics ({@code %name args} alone on a line) and runs of code, with
 * offsets kept so that positions map back to the cell's own lines and columns (1-based).
 */
final class CellSource {
  private final String text;

  /**
   * One part of a cell.
   *
   * @param magic the magic's name, or null for code
   * @param text the code, or the magic's arguments
   * @param offset where the part starts in the cell
   */
  record Part(String magic, String text, int offset) {}

  CellSource(String text) {
    this.text = text;
  }

  List<Part> parts() {
    List<Part> parts = new ArrayList<>();
    int codeStart = 0;
    int lineStart = 0;
    while (lineStart < text.length()) {
      int end = text.indexOf('\n', lineStart);
      int next = end < 0 ? text.length() : end + 1;
      String line = text.substring(lineStart, end < 0 ? text.length() : end).strip();
      if (line.startsWith("%")) {
        addCode(parts, codeStart, lineStart);
        String[] nameAndArgs = line.substring(1).split("\\s+", 2);
        String args = nameAndArgs.length > 1 ? nameAndArgs[1].strip() : "";
        parts.add(new Part(nameAndArgs[0], args, lineStart));
        codeStart = next;
      }
      lineStart = next;
    }
    addCode(parts, codeStart, text.length());
    return parts;
  }

  private void addCode(List<Part> parts, int from, int to) {
    if (from < to && !text.substring(from, to).isBlank()) {
      parts.add(new Part(null, text.substring(from, to), from));
    }
  }

  /** The 1-based line of an offset. */
  int line(int offset) {
    int line = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The 1-based column of an offset. */
  int column(int offset) {
    int clamped = Math.min(offset, text.length());
    return clamped - (text.lastIndexOf('\n', clamped - 1) + 1) + 1;
  }

  String lineAndColumn(int offset) {
    return "line " + line(offset) + ", column " + column(offset);
  }

  /** The text of the line an offset is on. */
  String lineText(int offset) {
    int clamped = Math.min(offset, text.length());
    int start = text.lastIndexOf('\n', clamped - 1) + 1;
    int end = text.indexOf('\n', clamped);
    return text.substring(start, end < 0 ? text.length() : end);
  }

  /**
   * Where JShell's snippet source starts within the text it was cut from: it may have dropped
   * leading blanks or comments and added a semicolon, so find its first characters.
   */
  static int offsetOf(String snippet, String consumed) {
    String body = snippet.stripLeading();
    int skipped = snippet.length() - body.length();
    for (int n = Math.min(body.length(), 24); n > 0; n /= 2) {
      int at = consumed.indexOf(body.substring(0, n));
      if (at >= 0) {
        return Math.max(0, at - skipped);
      }
    }
    return 0;
  }
}
