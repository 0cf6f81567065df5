package dev.tokbench.testing;

import dev.tokbench.BadInputException;
import dev.tokbench.BadLineException;
import dev.tokbench.gguf.GgufFormatException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every fuzz target demands of a reader fed hostile bytes: a result that can be used, or a
 * {@link BadInputException} (from reading or from using the result) that says where (the input's
 * name, and a line or byte offset inside the input when the error carries one) in a message of
 * bounded length. Anything else (another exception, an {@link Error} such as OutOfMemoryError or
 * StackOverflowError, a message that places nothing) fails the target; Jazzer keeps the input that
 * did it.
 */
public final class FuzzContract {
  /** A message longer than this quotes too much of the input. */
  static final int MAX_MESSAGE_CHARS = 2_000;

  private FuzzContract() {}

  /** Reads {@code in}, then uses the result; either ends well or throws an AssertionError. */
  public static <T> void holds(FuzzInput in, Function<FuzzInput, T> read, Consumer<T> use) {
    T result;
    try {
      result = read.apply(in);
    } catch (BadInputException e) {
      placed(in, e);
      return;
    } catch (RuntimeException e) {
      throw new AssertionError(in + ": neither a result nor a typed error: " + e, e);
    }
    try {
      use.accept(result);
    } catch (BadInputException e) {
      // using a result may find what reading it did not (a shape key of the wrong type, found
      // when the summary reads it): that too is a typed error, and it must say where
      placed(in, e);
    } catch (RuntimeException e) {
      throw new AssertionError(in + ": the result read cannot be used: " + e, e);
    }
  }

  /** Reads {@code in} for its effect alone (a reader that returns nothing). */
  public static void holds(FuzzInput in, Consumer<FuzzInput> read) {
    holds(
        in,
        i -> {
          read.accept(i);
          return i;
        },
        i -> {});
  }

  private static void placed(FuzzInput in, BadInputException e) {
    String m = e.getMessage();
    require(m != null && m.contains(in.name()), in, "the error does not name the input", e);
    require(m.length() <= MAX_MESSAGE_CHARS, in, "the error quotes too much", e);
    if (e instanceof BadLineException b) {
      require(
          b.line() >= 1 && b.line() <= in.lineBound(),
          in,
          "line " + b.line() + " is not a line of the input",
          e);
    }
    if (e instanceof GgufFormatException g) {
      require(
          g.offset() >= 0 && g.offset() <= in.bytes().length,
          in,
          "byte offset " + g.offset() + " is outside the input",
          e);
    }
  }

  private static void require(boolean ok, FuzzInput in, String what, Exception e) {
    if (!ok) throw new AssertionError(in + ": " + what + ": " + e.getMessage(), e);
  }
}
