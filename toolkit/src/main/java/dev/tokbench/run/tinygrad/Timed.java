package dev.tokbench.run.tinygrad;

import dev.tokbench.energy.TimedRow;
import dev.tokbench.results.BenchResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A tinygrad row and when its work ran, on the energy sampler's clock: {@code timed} the calls the
 * row counts, {@code also} other stretches reported beside it under a prefix ({@code warmup_}: the
 * JIT's warm-up calls; {@code phase_}: a BEAM search's whole launch). {@code timed} is null for a
 * row that measured nothing (a failed test).
 */
record Timed(BenchResult row, TimedRow timed, Map<String, TimedRow> also) {
  Timed {
    also = Collections.unmodifiableMap(new LinkedHashMap<>(also));
  }

  /** A row without a window. */
  static Timed untimed(BenchResult row) {
    return new Timed(row, null, Map.of());
  }

  /** The same times for a changed row (marked with its phase, more provenance). */
  Timed map(UnaryOperator<BenchResult> change) {
    return new Timed(change.apply(row), timed, also);
  }

  /** With one more stretch under {@code prefix}. */
  Timed plus(String prefix, TimedRow stretch) {
    Map<String, TimedRow> more = new LinkedHashMap<>(also);
    more.put(prefix, stretch);
    return new Timed(row, timed, more);
  }
}
