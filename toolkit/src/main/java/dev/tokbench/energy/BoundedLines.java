package dev.tokbench.energy;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads a trace file's lines, refusing any longer than {@link #MAX_CHARS}: a hostile file of
 * gigabytes without a newline must not exhaust the heap. A trace line is under 300 characters.
 */
final class BoundedLines {
  static final int MAX_CHARS = 1 << 16;

  private final Reader in;
  private final String name;
  private final StringBuilder line = new StringBuilder();
  private long number;
  private boolean afterCr;

  BoundedLines(Reader in, String name) {
    this.in = in;
    this.name = name;
  }

  /** The next line without its terminator, or {@code null} at the end. */
  String next() throws IOException {
    line.setLength(0);
    for (int c = in.read(); ; c = in.read()) {
      if (c < 0) return line.isEmpty() ? null : done();
      if (afterCr && c == '\n') {
        afterCr = false;
        continue;
      }
      afterCr = c == '\r';
      if (c == '\n' || c == '\r') return done();
      if (line.length() == MAX_CHARS) {
        throw new TraceFormatException(
            name, number + 1, "line longer than " + MAX_CHARS + " characters: not a power trace");
      }
      line.append((char) c);
    }
  }

  private String done() {
    number++;
    return line.toString();
  }

  /** The 1-based number of the line last returned. */
  long number() {
    return number;
  }
}
