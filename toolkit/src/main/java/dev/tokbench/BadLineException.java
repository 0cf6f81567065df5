package dev.tokbench;

/**
 * Bad input at a line of a text file or stream: the message reads {@code source:line: what}, as
 * compilers print it, and both are kept for callers that place the error themselves.
 */
public class BadLineException extends BadInputException {
  private final String source;
  private final long line;

  public BadLineException(String source, long line, String message, Throwable cause) {
    super(source + ":" + line + ": " + message, cause);
    this.source = source;
    this.line = line;
  }

  /** The file or stream being read. */
  public String source() {
    return source;
  }

  /** The 1-based line at fault; -1 when not known. */
  public long line() {
    return line;
  }
}
