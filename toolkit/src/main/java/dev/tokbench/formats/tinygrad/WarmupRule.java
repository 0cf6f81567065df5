package dev.tokbench.formats.tinygrad;

import dev.tokbench.results.Stats;
import java.util.List;

/**
 * Which leading tokens of a tinygrad run are JIT warm-up and left out of the statistics. The
 * default follows TinyJit: the first call runs un-jitted, the second captures the kernels, replay
 * starts at the third; so the first two tokens are warm-up.
 */
public interface WarmupRule {
  /** How many leading tokens to discard, given every token's tok/s in order. */
  int warmupTokens(List<Double> tokensPerS);

  /** The rule in words, recorded on every row. */
  String describe();

  /** TinyJit's two un-replayed calls. */
  static WarmupRule tinyJit() {
    return firstTokens(2);
  }

  /** Discard a fixed number of leading tokens. */
  static WarmupRule firstTokens(int n) {
    if (n < 0) throw new IllegalArgumentException("cannot discard " + n + " tokens");
    return new WarmupRule() {
      @Override
      public int warmupTokens(List<Double> tps) {
        return Math.min(n, tps.size());
      }

      @Override
      public String describe() {
        return "first " + n + " tokens discarded";
      }
    };
  }

  /**
   * Discard leading tokens slower than {@code fraction} of the median of all tokens, stopping at
   * the first one that is not.
   */
  static WarmupRule slowerThanMedian(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }
    return new WarmupRule() {
      @Override
      public int warmupTokens(List<Double> tps) {
        double threshold = fraction * Stats.median(tps);
        int i = 0;
        while (i < tps.size() && tps.get(i) < threshold) i++;
        return i;
      }

      @Override
      public String describe() {
        return "leading tokens below " + fraction + " x median discarded";
      }
    };
  }
}
