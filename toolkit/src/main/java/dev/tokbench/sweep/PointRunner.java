package dev.tokbench.sweep;

import dev.tokbench.results.BenchResult;
import dev.tokbench.run.RunResult;
import java.util.function.Consumer;

/** Runs one point of a sweep, handing each row to {@code sink} as soon as it is measured. */
@FunctionalInterface
public interface PointRunner {
  RunResult run(SweepPoint point, Consumer<BenchResult> sink);
}
