package dev.tokbench.run.llamacpp;

import dev.tokbench.results.BenchResult;
import java.util.List;
import java.util.Map;

/**
 * What the launches of a llama-bench matrix run: a llama-bench binary ({@link BinaryProgram}) or
 * the embedded llama.cpp in a child JVM ({@link EmbeddedProgram}). Both take llama-bench's flags
 * and print each finished test on a stdout line of its own, so one {@link LlamaBenchRun} expands
 * the matrix, names the test a crash cost and relaunches for the tests after it, whichever runs
 * them.
 */
interface BenchProgram {
  /** What the reasons of failed rows call it: {@code llama-bench}. */
  String name();

  /** The framework of failed rows that name no test. */
  String framework();

  /** The arguments whose matrix tokbench expands: {@code args} less those the program ignores. */
  List<String> matrixArgs(List<String> args);

  /** True when llama-bench's {@code --progress} can be added to {@code args}. */
  boolean progressAddable(List<String> args, Map<String, String> env);

  /** The command line of one launch of {@code args} ({@code progress}: with {@code --progress}). */
  List<String> command(List<String> args, boolean progress);

  /** A reader of one launch's output, fresh for each launch. */
  Output output();

  /**
   * The row of test {@code p}, which measured nothing, from {@code named}: the row llama-bench's
   * naming gives it (model, test, settings, status, reason, provenance).
   */
  BenchResult failedTest(MatrixPoint p, BenchResult named);

  /** One launch's output, line by line. */
  interface Output {
    /**
     * The row on this stdout line, with the launch's {@code provenance}; null when the line is not
     * a row but a diagnostic.
     *
     * @throws RuntimeException when the line should be a row but cannot be read
     */
    BenchResult row(String line, long lineNo, Map<String, String> provenance);

    /** A diagnostic line as {@link dev.tokbench.run.FailureLines} should see it. */
    default String explaining(String line) {
      return line;
    }
  }
}
