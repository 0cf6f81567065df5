package dev.tokbench.run.llamacpp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A llama-bench command line's tests, expanded as llama-bench expands them: every combination of
 * the parameters' values, nested in {@link LlamaBenchParam}'s order (the model outermost), and for
 * each combination the tests {@code pp} of each {@code -p}, {@code tg} of each {@code -n}, {@code
 * pp+tg} of each {@code -pg}, zeros left out. A flag given twice adds its values to the first's, a
 * comma list gives several, an absent one llama-bench's single default ({@code -p 512 -n 128}).
 * Knowing which test comes next, a run can name the test a crash interrupted and start a new
 * llama-bench for exactly the tests after it ({@link #launches}).
 */
public final class LlamaBenchMatrix {
  /** Options that are not test parameters and take a value: repeated as given in every launch. */
  private static final Set<String> SCALARS =
      Set.of(
          "-r",
          "--repetitions",
          "--prio",
          "--delay",
          "-o",
          "--output",
          "-oe",
          "--output-err",
          "--numa",
          "-rpc",
          "--rpc",
          "-hft",
          "--hf-token");

  /** Options without a value. */
  private static final Set<String> SWITCHES =
      Set.of("-v", "--verbose", "--progress", "--no-warmup", "--offline");

  /** Models named this way are downloaded by llama-bench: their file names are not known here. */
  private static final Set<String> DOWNLOADS =
      Set.of("-hf", "-hfr", "--hf-repo", "-hff", "--hf-file");

  private static final List<MatrixValue> DEFAULT = Collections.singletonList(null);

  private final Map<LlamaBenchParam, List<MatrixValue>> params;
  private final List<TestShape> tests;
  private final TestFlags testFlags;
  private final List<String> scalars;
  private final String whyNot;

  private LlamaBenchMatrix(
      Map<LlamaBenchParam, List<MatrixValue>> params,
      TestFlags testFlags,
      List<String> scalars,
      String whyNot) {
    this.params = params;
    this.testFlags = testFlags;
    this.tests = testFlags.tests();
    this.scalars = List.copyOf(scalars);
    this.whyNot = whyNot;
  }

  /**
   * The matrix of these llama-bench arguments. Arguments it cannot follow (an unknown flag, models
   * to download) leave it unexpanded, {@link #whyNot()} saying why; malformed numbers are a typed
   * error, as llama-bench would refuse them too.
   */
  public static LlamaBenchMatrix of(List<String> args) {
    Map<LlamaBenchParam, List<MatrixValue>> params = new EnumMap<>(LlamaBenchParam.class);
    TestFlags tests = new TestFlags();
    List<String> scalars = new ArrayList<>();
    String whyNot = "";
    for (int i = 0; i < args.size(); i++) {
      String flag = normalised(args.get(i));
      boolean hasValue = i + 1 < args.size();
      LlamaBenchParam p = LlamaBenchParam.of(flag);
      if (p != null && hasValue) {
        String value = args.get(++i);
        List<MatrixValue> list = params.computeIfAbsent(p, k -> new ArrayList<>());
        if (p.replaces()) list.clear();
        for (String v : p.parse(flag, value)) list.add(new MatrixValue(flag, v));
      } else if (tests.takes(flag) && hasValue) {
        tests.add(flag, args.get(++i));
      } else if (SCALARS.contains(flag) && hasValue) {
        scalars.addAll(List.of(args.get(i), args.get(++i)));
      } else if (SWITCHES.contains(flag)) {
        scalars.add(args.get(i));
      } else if (whyNot.isEmpty()) {
        whyNot =
            DOWNLOADS.contains(flag)
                ? "models named by "
                    + flag
                    + " are downloaded by llama-bench, so their files are"
                    + " not known before it runs"
                : "llama-bench argument '" + args.get(i) + "' is not one tokbench knows";
      }
    }
    return new LlamaBenchMatrix(params, tests, scalars, whyNot);
  }

  /** llama-bench reads {@code --n_prompt} as {@code --n-prompt}. */
  private static String normalised(String arg) {
    return arg.startsWith("--") ? arg.replace('_', '-') : arg;
  }

  /** True when every test can be named before llama-bench runs. */
  public boolean expanded() {
    return whyNot.isEmpty();
  }

  /** Why the matrix could not be expanded; empty when it was. */
  public String whyNot() {
    return whyNot;
  }

  /** How many tests llama-bench will run. */
  public int size() {
    int n = tests.size();
    for (LlamaBenchParam p : LlamaBenchParam.values()) n *= values(p).size();
    return n;
  }

  /** The test at {@code index} in llama-bench's order, with its parameters. */
  public MatrixPoint point(int index) {
    if (index < 0 || index >= size())
      throw new IndexOutOfBoundsException("test " + index + " of " + size());
    int[] at = coordinates(index);
    Map<String, String> settings = new LinkedHashMap<>();
    String model = "";
    int depth = 0;
    LlamaBenchParam[] all = LlamaBenchParam.values();
    for (int d = 0; d < all.length; d++) {
      MatrixValue v = values(all[d]).get(at[d]);
      if (v == null) continue;
      if (all[d] == LlamaBenchParam.MODEL) model = v.text();
      else if (all[d] == LlamaBenchParam.DEPTH) depth = Integer.parseInt(v.text());
      else settings.put(all[d].field, v.text());
    }
    TestShape t = tests.get(at[all.length]);
    return new MatrixPoint(index, model, t.nPrompt(), t.nGen(), depth, settings);
  }

  /**
   * The llama-bench launches that run the tests from {@code first} to the end, in order, each as
   * few as a product of value lists allows: the rest of the current combination's tests, then the
   * rest of each parameter's values from the innermost out. Their arguments carry every option that
   * is not a test parameter ({@code -r 5}) but not {@code -o}: the caller adds its own.
   */
  public List<Launch> launches(int first) {
    if (!expanded()) throw new IllegalStateException("the matrix is not known: " + whyNot);
    List<Launch> out = new ArrayList<>();
    int total = size();
    if (first >= total) return out;
    int[] c = coordinates(first);
    int levels = c.length; // parameters, then the tests
    int deepest = levels - 1;
    while (deepest > 0 && c[deepest] == 0) deepest--;
    int next = first;
    for (int level = deepest; level >= 0; level--) {
      int from = level == deepest ? c[level] : c[level] + 1;
      if (from >= levelSize(level)) continue;
      Launch l = launch(next, c, level, from);
      out.add(l);
      next += l.count();
    }
    return out;
  }

  /** Levels before {@code level} held at {@code c}, {@code level} from {@code from}, rest whole. */
  private Launch launch(int first, int[] c, int level, int from) {
    List<String> args = new ArrayList<>();
    int count = 1;
    LlamaBenchParam[] all = LlamaBenchParam.values();
    for (int d = 0; d < all.length; d++) {
      List<MatrixValue> v = values(all[d]);
      List<MatrixValue> part =
          d < level
              ? Collections.singletonList(v.get(c[d]))
              : d == level ? v.subList(from, v.size()) : v;
      count *= part.size();
      if (part.get(0) != null) args.addAll(render(all[d], part));
    }
    List<TestShape> t = level == all.length ? tests.subList(from, tests.size()) : tests;
    count *= t.size();
    args.addAll(t.equals(tests) ? testFlags.asGiven() : TestFlags.render(t));
    args.addAll(scalars);
    return new Launch(first, count, args);
  }

  /** A list of values as flags: one flag per run of values that came from the same flag. */
  private static List<String> render(LlamaBenchParam p, List<MatrixValue> values) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.size(); ) {
      String flag = values.get(i).flag();
      List<String> run = new ArrayList<>();
      for (; i < values.size() && values.get(i).flag().equals(flag); i++)
        run.add(values.get(i).text());
      out.addAll(List.of(flag, String.join(",", run)));
    }
    return out;
  }

  private int levelSize(int level) {
    LlamaBenchParam[] all = LlamaBenchParam.values();
    return level == all.length ? tests.size() : values(all[level]).size();
  }

  /** Each parameter's value index, outermost first, then the test's index. */
  private int[] coordinates(int index) {
    LlamaBenchParam[] all = LlamaBenchParam.values();
    int[] c = new int[all.length + 1];
    c[all.length] = index % tests.size();
    int rest = index / tests.size();
    for (int d = all.length - 1; d >= 0; d--) {
      int n = values(all[d]).size();
      c[d] = rest % n;
      rest /= n;
    }
    return c;
  }

  /** The values given for {@code p}, or a single null: llama-bench's default, not named here. */
  private List<MatrixValue> values(LlamaBenchParam p) {
    List<MatrixValue> v = params.get(p);
    return v != null && !v.isEmpty() ? v : DEFAULT;
  }

  /**
   * One launch of llama-bench.
   *
   * @param first the index of its first test in the whole matrix
   * @param count how many tests it runs
   * @param args its arguments, without {@code -o}
   */
  public record Launch(int first, int count, List<String> args) {
    public Launch {
      args = List.copyOf(args);
    }
  }

  /** A value and the flag it was given with ({@code -mmp 0} and {@code -lm mmap} share a list). */
  record MatrixValue(String flag, String text) {}

  @Override
  public String toString() {
    return expanded()
        ? "llama-bench matrix of " + size() + " tests"
        : "llama-bench matrix not expanded: " + whyNot;
  }
}
