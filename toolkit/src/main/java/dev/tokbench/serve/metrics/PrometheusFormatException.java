package dev.tokbench.serve.metrics;

import dev.tokbench.BadInputException;

/** Prometheus text that does not parse, with the line where it broke. */
public final class PrometheusFormatException extends BadInputException {
  private final int line;

  public PrometheusFormatException(String source, int line, String text, String why) {
    super(source + " line " + line + ": " + why + ": '" + shorten(text) + "'");
    this.line = line;
  }

  /** The 1-based line number. */
  public int line() {
    return line;
  }

  private static String shorten(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
