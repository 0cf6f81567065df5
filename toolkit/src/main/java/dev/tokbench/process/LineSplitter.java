package dev.tokbench.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a process's output into lines where {@link java.io.BufferedReader#readLine} would (at
 * {@code \n}, {@code \r} or {@code \r\n}), decoding each line from UTF-8. It scans bytes instead of
 * decoding the whole stream into chars first: a 10,000-row llama-bench stream is 9 MiB. Splitting
 * bytes is safe because no UTF-8 multi-byte sequence contains the bytes of {@code \n} or {@code
 * \r}. A line longer than {@link #MAX_LINE_BYTES} keeps its start and says how much was dropped: a
 * process printing endless bytes without a newline must not exhaust the heap.
 */
final class LineSplitter {
  /** The longest line kept whole; tinygrad's echo of 1,000 generated tokens is about 10 KB. */
  static final int MAX_LINE_BYTES = 8 << 20;

  private static final int BUFFER_BYTES = 1 << 16;

  private final Consumer<String> sink;
  private final int maxLineBytes;
  private byte[] partial = new byte[256]; // a line split across reads
  private int partialLength;
  private long dropped; // bytes of the current line beyond maxLineBytes
  private boolean afterCr; // a '\r' ended the last line: a '\n' right after it is the same end

  LineSplitter(Consumer<String> sink) {
    this(sink, MAX_LINE_BYTES);
  }

  LineSplitter(Consumer<String> sink, int maxLineBytes) {
    this.sink = sink;
    this.maxLineBytes = maxLineBytes;
  }

  /** Hands every line of {@code in} to {@code sink}, without terminators, until end of stream. */
  static void forEachLine(InputStream in, Consumer<String> sink) throws IOException {
    LineSplitter s = new LineSplitter(sink);
    byte[] buf = new byte[BUFFER_BYTES];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) s.accept(buf, n);
    s.finish();
  }

  /** Takes the next {@code n} bytes of the stream; hands on every line they complete. */
  void accept(byte[] buf, int n) {
    int start = 0;
    for (int i = 0; i < n; i++) {
      byte b = buf[i];
      if (afterCr) {
        afterCr = false;
        if (b == '\n') {
          start = i + 1;
          continue;
        }
      }
      if (b == '\n' || b == '\r') {
        emit(buf, start, i);
        afterCr = b == '\r';
        start = i + 1;
      }
    }
    keep(buf, start, n);
  }

  /** The stream ended: hands on a last line that had no terminator. */
  void finish() {
    if (partialLength > 0 || dropped > 0) emit(partial, 0, 0);
  }

  private void emit(byte[] buf, int from, int to) {
    if (partialLength == 0 && dropped == 0 && to - from <= maxLineBytes) {
      sink.accept(new String(buf, from, to - from, StandardCharsets.UTF_8));
      return;
    }
    keep(buf, from, to);
    String line = new String(partial, 0, partialLength, StandardCharsets.UTF_8);
    if (dropped > 0) line += " [tokbench: " + dropped + " more bytes of this line dropped]";
    partialLength = 0;
    dropped = 0;
    sink.accept(line);
  }

  private void keep(byte[] buf, int from, int to) {
    int len = Math.min(to - from, maxLineBytes - partialLength);
    dropped += (to - from) - len;
    if (partialLength + len > partial.length) {
      partial = Arrays.copyOf(partial, Math.max(2 * partial.length, partialLength + len));
    }
    System.arraycopy(buf, from, partial, partialLength, len);
    partialLength += len;
  }
}
