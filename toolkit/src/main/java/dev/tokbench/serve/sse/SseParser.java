package dev.tokbench.serve.sse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An incremental Server-Sent Events parser (WHATWG HTML, "Parsing an event stream"): bytes go in as
 * they arrive, with their arrival time, and each complete event comes out stamped with the arrival
 * time of the bytes that completed it. Lines end with CRLF, LF or CR, also when the pair is split
 * across two reads; comment lines ({@code :ping}) are skipped; {@code data:} lines accumulate until
 * a blank line dispatches them. Lines are decoded as UTF-8 only once whole, so a character split
 * across reads is intact.
 */
public final class SseParser {
  /** Longest line accepted: a hostile or broken server must not grow the buffer without bound. */
  public static final int DEFAULT_MAX_LINE = 16 << 20;

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Consumer<SseEvent> sink;
  private final int maxLine;
  private byte[] line = new byte[256];
  private int lineLength;
  private boolean lastWasCr;
  private long offset;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String event = "";

  public SseParser(Consumer<SseEvent> sink) {
    this(sink, DEFAULT_MAX_LINE);
  }

  public SseParser(Consumer<SseEvent> sink, int maxLine) {
    this.sink = sink;
    this.maxLine = maxLine;
  }

  /**
   * Feeds the bytes that arrived at {@code arrivalNanos}; dispatches every event they complete.
   *
   * @throws SseFormatException when a line is longer than the limit
   */
  public void feed(ByteBuffer bytes, long arrivalNanos) {
    while (bytes.hasRemaining()) {
      byte b = bytes.get();
      offset++;
      if (b == '\n' && lastWasCr) {
        lastWasCr = false;
        continue; // the LF of a CRLF whose CR ended the line
      }
      lastWasCr = b == '\r';
      if (b == '\n' || b == '\r') endLine(arrivalNanos);
      else append(b);
    }
  }

  /** Bytes received in total. */
  public long offset() {
    return offset;
  }

  /** True when bytes of an event arrived that no blank line has ended yet. */
  public boolean hasPartialEvent() {
    return lineLength > 0 || hasData;
  }

  private void append(byte b) {
    if (lineLength == maxLine) {
      throw new SseFormatException(
          "an event stream line is longer than " + maxLine + " bytes", offset - lineLength - 1);
    }
    if (lineLength == line.length) line = Arrays.copyOf(line, Math.min(maxLine, 2 * line.length));
    line[lineLength++] = b;
  }

  private void endLine(long arrivalNanos) {
    int start = offset == lineLength + 1 && startsWithBom() ? BOM.length : 0;
    String text = new String(line, start, lineLength - start, StandardCharsets.UTF_8);
    lineLength = 0;
    if (text.isEmpty()) dispatch(arrivalNanos);
    else if (text.charAt(0) != ':') field(text);
  }

  private boolean startsWithBom() {
    return lineLength >= 3 && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2];
  }

  private void field(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    String value = colon < 0 ? "" : text.substring(colon + 1);
    if (value.startsWith(" ")) value = value.substring(1);
    if (name.equals("data")) {
      if (hasData) data.append('\n');
      data.append(value);
      hasData = true;
    } else if (name.equals("event")) {
      event = value;
    } // id and retry mean nothing to a benchmark; unknown fields are ignored, as the spec says
  }

  private void dispatch(long arrivalNanos) {
    if (hasData) sink.accept(new SseEvent(event, data.toString(), arrivalNanos, offset));
    data.setLength(0);
    hasData = false;
    event = "";
  }
}
