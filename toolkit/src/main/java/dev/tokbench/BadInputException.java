package dev.tokbench;

/**
 * Base of every exception that reports input the user can fix: a malformed GGUF, CSV or notebook,
 * an unknown device, a bad argument. The command line prints its message and exits 2; anything else
 * is a bug and exits 1 with a stack trace. Messages say what was wrong and where.
 */
public class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
