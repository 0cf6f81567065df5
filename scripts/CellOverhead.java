import dev.tokbench.notebook.CellListener;
import dev.tokbench.notebook.Evaluator;
import java.util.Arrays;
import jdk.jshell.JShell;

/**
 * The runner's per-cell overhead over plain JShell: the same small cells evaluated with a bare
 * in-process JShell ({@code JShell.eval}) and through {@link Evaluator#eval} (snippet splitting,
 * output capture, result rendering, stop bookkeeping), after a warm-up; medians in milliseconds.
 * Run by scripts/bench-notebooks: {@code java -cp toolkit/target/...-all.jar scripts/CellOverhead.java 200}.
 */
public class CellOverhead {
  public static void main(String[] args) {
    int cells = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    try (JShell plain = JShell.builder().executionEngine("local").build();
        Evaluator ev = Evaluator.create()) {
      plain.addToClasspath(System.getProperty("java.class.path"));
      measure(cells / 4, i -> plain.eval(cell(i, "w")));
      measure(cells / 4, i -> ev.eval(cell(i, "w"), CellListener.NONE));
      double jshell = measure(cells, i -> plain.eval(cell(i, "p")));
      double runner = measure(cells, i -> ev.eval(cell(i, "r"), CellListener.NONE));
      System.out.printf(
          "per cell (median of %d, each 'int vN = N * 2' then the value): plain JShell %.2f ms,"
              + " runner %.2f ms, overhead %.2f ms%n",
          cells, jshell, runner, runner - jshell);
    }
  }

  private static String cell(int i, String prefix) {
    return "int " + prefix + i + " = " + i + " * 2";
  }

  private static double measure(int n, java.util.function.IntConsumer eval) {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      eval.accept(i);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms[n / 2];
  }
}
