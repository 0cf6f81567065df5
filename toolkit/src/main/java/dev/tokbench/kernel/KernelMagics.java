package dev.tokbench.kernel;

import dev.tokbench.notebook.CellListener;
import dev.tokbench.notebook.CellResult;
import dev.tokbench.notebook.Evaluator;
import dev.tokbench.notebook.MagicException;
import java.util.Locale;

/** The line magics the kernel adds to the evaluator's: {@code %time} and {@code %maven}. */
final class KernelMagics {
  private KernelMagics() {}

  static void registerInto(Evaluator evaluator) {
    evaluator.magics().register("time", KernelMagics::time);
  }

  /**
   * {@code %time code}: runs the rest of the line and prints its wall time, as IPython's {@code
   * %time} does; the value of the code is the magic's value.
   */
  static Object time(Evaluator evaluator, String code, CellListener listener) {
    if (code.isBlank()) {
      throw new MagicException("%time needs code to run, e.g. %time Thread.sleep(100)");
    }
    long start = System.nanoTime();
    CellResult result = evaluator.evalCode(code, listener);
    double millis = (System.nanoTime() - start) / 1e6;
    listener.stdout(String.format(Locale.ROOT, "Wall time: %.1f ms%n", millis));
    if (!result.ok()) {
      throw new MagicException("%time: " + result.error().orElseThrow());
    }
    return result.rawValue();
  }
}
