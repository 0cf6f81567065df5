package dev.tokbench.gguf;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Warm parse time of GGUF files, for {@code scripts/bench-gguf}: per file, warms up, then times
 * {@code Gguf.read(path).summary()} at least 20 times and prints the median, and the same with the
 * whole vocabulary decoded (what parsers that decode eagerly always pay). Output: one tab-separated
 * line per file: {@code file, median_ms, median_ms_with_vocab, runs}.
 */
public final class GgufBenchmark {
  private static final int WARMUP_RUNS = 30;
  private static final int RUNS = 50;

  private GgufBenchmark() {}

  public static void main(String[] args) {
    for (String a : args) {
      Path p = Path.of(a);
      double lazy = medianMillis(() -> Gguf.read(p).summary());
      double eager = medianMillis(() -> decodeVocabulary(Gguf.read(p)));
      System.out.printf("%s\t%.3f\t%.3f\t%d%n", a, lazy, eager, RUNS);
    }
  }

  private static Object decodeVocabulary(GgufFile f) {
    f.summary();
    for (GgufValue v : f.metadata().asMap().values()) {
      if (v.type() == GgufValueType.ARRAY) v.asArray().values();
    }
    return f;
  }

  /** The median of {@link #RUNS} timed runs after {@link #WARMUP_RUNS} untimed ones. */
  static double medianMillis(java.util.function.Supplier<Object> work) {
    Object sink = null;
    for (int i = 0; i < WARMUP_RUNS; i++) sink = work.get();
    double[] ms = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      sink = work.get();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    if (sink == null) throw new IllegalStateException("nothing was parsed");
    Arrays.sort(ms);
    return (ms[RUNS / 2 - 1] + ms[RUNS / 2]) / 2;
  }
}
