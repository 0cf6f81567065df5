package dev.tokbench.memory;

import java.util.function.IntPredicate;
import java.util.function.LongPredicate;

/**
 * Whether an estimate fits its target, and the largest context and {@code -ngl} that would: each is
 * a binary search over full estimates, which assumes more context or more layers never needs less
 * memory (true of the KV cache and the weights; the compute buffer moves by far less).
 */
final class FitSearch {
  private FitSearch() {}

  static FitCheck check(
      ModelLayout m, MemoryOptions o, Target t, long margin, long maxCtx, Estimator.Estimate e) {
    long budget = t.memoryBytes() - margin;
    long used = used(e, t);
    LongPredicate ctxFits = ctx -> used(estimate(m, o.withContext((int) ctx), t), t) <= budget;
    IntPredicate nglFits = ngl -> used(estimate(m, o.withGpuLayers(ngl), t), t) <= budget;
    long maxContext = largestContext(ctxFits, maxCtx);
    int maxNgl = largestLayers(nglFits, m.layers() + 1);
    return new FitCheck(
        t.memoryBytes(), margin, t.unified(), used, used <= budget, maxContext, maxNgl);
  }

  static Estimator.Estimate estimate(ModelLayout m, MemoryOptions o, Target t) {
    return Estimator.run(m, o, t.gpu(), t.unified());
  }

  /** The GPU's memory, or everything when the GPU shares the host's. */
  private static long used(Estimator.Estimate e, Target t) {
    return t.unified() ? e.all() : e.first();
  }

  /** The largest multiple of 256 up to {@code max} that fits, 0 if none. */
  private static long largestContext(LongPredicate fits, long max) {
    long step = ContextParams.CTX_PAD;
    long lo = 0;
    long hi = max / step;
    while (lo < hi) {
      long mid = (lo + hi + 1) / 2;
      if (fits.test(mid * step)) lo = mid;
      else hi = mid - 1;
    }
    return lo * step;
  }

  /** The largest {@code -ngl} in {@code 0..max} that fits, -1 if not even 0. */
  private static int largestLayers(IntPredicate fits, int max) {
    int lo = -1;
    int hi = max;
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (fits.test(mid)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
