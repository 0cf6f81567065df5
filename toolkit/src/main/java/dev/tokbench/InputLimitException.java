package dev.tokbench;

/**
 * An input past one of its reader's {@link ReadLimits}: too large, a line too long, nested too
 * deep, a string too long, too many cells or points. The message names the file, the line, what was
 * found and the limit: {@code deep.ipynb:2: nesting deeper than 100 levels; a notebook may have at
 * most 100 levels of nesting (docs/limits.md)}.
 */
public class InputLimitException extends BadLineException {
  public InputLimitException(String source, long line, String message) {
    super(source, line, message, null);
  }
}
