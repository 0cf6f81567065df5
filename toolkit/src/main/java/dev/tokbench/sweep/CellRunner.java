package dev.tokbench.sweep;

import dev.tokbench.results.BenchResult;
import dev.tokbench.run.RunResult;
import java.util.function.Consumer;

/** Runs one cell of a sweep, handing each row to {@code sink} as soon as it is measured. */
@FunctionalInterface
public interface CellRunner {
  RunResult run(SweepCell cell, Consumer<BenchResult> sink);
}
