package dev.tokbench.serve.sse;

/** An event stream the parser will not accept (a line over the limit), with where it broke. */
public final class SseFormatException extends RuntimeException {
  private final long offset;

  public SseFormatException(String message, long offset) {
    super(message + " (at byte " + offset + ")");
    this.offset = offset;
  }

  /** Byte offset in the stream where the bad line starts. */
  public long offset() {
    return offset;
  }
}
