package dev.tokbench.benchmarks;

import dev.tokbench.notebook.CellListener;
import dev.tokbench.notebook.Evaluator;
import java.util.Arrays;
import jdk.jshell.JShell;

/**
 * The runner's per-cell overhead over plain JShell: the same small cells evaluated with a bare
 * in-process JShell (split with {@code analyzeCompletion}, then {@code JShell.eval}) and through
 * {@link Evaluator#eval} (snippet splitting, output capture, result rendering, stop bookkeeping),
 * after a warm-up, alternating; medians in milliseconds. Run by scripts/bench-notebooks.
 */
public class CellOverhead {
  public static void main(String[] args) {
    int cells = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    try (JShell plain = JShell.builder().executionEngine("local").build();
        Evaluator ev = Evaluator.create()) {
      plain.addToClasspath(System.getProperty("java.class.path"));
      measure(cells / 4, i -> plainEval(plain, cell(i, "w")));
      measure(cells / 4, i -> ev.eval(cell(i, "x"), CellListener.NONE));
      // alternate the two so that load from elsewhere on the machine hits both alike
      double[] jshell = new double[cells];
      double[] runner = new double[cells];
      for (int i = 0; i < cells; i++) {
        int n = i;
        jshell[i] = millis(() -> plainEval(plain, cell(n, "p")));
        runner[i] = millis(() -> ev.eval(cell(n, "r"), CellListener.NONE));
      }
      System.out.printf(
          "per cell (median of %d, each 'int vN = N * 2;' then 'vN + 1'): plain JShell %.2f ms,"
              + " runner %.2f ms, overhead %.2f ms%n",
          cells, median(jshell), median(runner), median(runner) - median(jshell));
    }
  }

  private static String cell(int i, String prefix) {
    return "int " + prefix + i + " = " + i + " * 2;\n" + prefix + i + " + 1";
  }

  /** What any JShell client must do at least: split the cell into snippets and eval each. */
  private static void plainEval(JShell jshell, String cell) {
    String rest = cell;
    while (!rest.isBlank()) {
      var info = jshell.sourceCodeAnalysis().analyzeCompletion(rest);
      var events = jshell.eval(info.source());
      if (events.get(0).status() != jdk.jshell.Snippet.Status.VALID) {
        throw new IllegalStateException("rejected: " + info.source());
      }
      rest = info.remaining();
    }
  }

  private static void measure(int n, java.util.function.IntConsumer eval) {
    for (int i = 0; i < n; i++) {
      eval.accept(i);
    }
  }

  private static double millis(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
