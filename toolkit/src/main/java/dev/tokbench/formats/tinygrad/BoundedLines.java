package dev.tokbench.formats.tinygrad;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines at {@code \n}, {@code \r\n} or {@code \r} (tqdm's frames end in {@code
 * \r}) without ever holding more than {@link #MAX_CHARS} of one line: a longer line is handed on
 * cut, flagged, and the rest of it is skipped, so a hostile file cannot exhaust the heap. Line
 * numbers count {@code \n} only, as {@code grep -n} and editors do, so the frames of one tqdm line
 * share its number.
 */
final class BoundedLines {
  /** A harness line of a long decode run is a few kB; one mebichar is far beyond any real one. */
  static final int MAX_CHARS = 1 << 20;

  /** Receives each line with its 1-based number, and whether it was cut at {@link #MAX_CHARS}. */
  interface Sink {
    void line(String text, long lineNo, boolean cut);
  }

  private BoundedLines() {}

  static void read(Reader in, int maxChars, Sink sink) throws IOException {
    StringBuilder line = new StringBuilder();
    long lineNo = 1;
    boolean cut = false;
    boolean afterCr = false;
    int c;
    while ((c = in.read()) >= 0) {
      boolean crlf = c == '\n' && afterCr; // that line was handed on at its \r
      afterCr = c == '\r';
      if (c == '\n' || c == '\r') {
        if (!crlf) sink.line(line.toString(), lineNo, cut);
        if (c == '\n') lineNo++;
        line.setLength(0);
        cut = false;
      } else if (line.length() < maxChars) {
        line.append((char) c);
      } else {
        cut = true;
      }
    }
    if (line.length() > 0 || cut) sink.line(line.toString(), lineNo, cut);
  }
}
