package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.BadInputException;
import dev.tokbench.formats.Import;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Comparison;
import dev.tokbench.results.Pooled;
import dev.tokbench.results.Settings;
import dev.tokbench.results.Speedup;
import dev.tokbench.results.Variation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Two sets of runs compared like llama.cpp's {@code scripts/compare-llama-bench.py}, with the
 * statistics it lacks: configurations paired on every setting but the one that differs (found, or
 * named with {@link #by}), each side's repeats merged, and per pair the speedup with its 95 %
 * confidence interval and Welch's t-test ({@link Speedup}).
 *
 * <pre>{@code
 * var c = Compare.of(Path.of("data/h100-sxm5-2026-11-25"), Path.of("data/h200-2026-12-01"));
 * c.differing()          // [device]
 * c.table()              // ReportTable: .markdown(), .csv(), .html()
 * c.json()
 * }</pre>
 *
 * A side is a data folder (its inventory's chart labels name the models, so folders that name a
 * model differently still pair), a results file or sweep store, or any saved output {@code import}
 * reads.
 */
public final class Compare {

  private final Side baseline;
  private final Side candidate;
  private final List<String> by;

  private record Side(
      String name, List<BenchResult> rows, Function<BenchResult, Settings> settings) {}

  private Compare(Side baseline, Side candidate, List<String> by) {
    this.baseline = baseline;
    this.candidate = candidate;
    this.by = List.copyOf(by);
  }

  /** {@code candidate} against {@code baseline}, each a data folder or a file of runs. */
  public static Compare of(Path baseline, Path candidate) {
    return new Compare(side(baseline), side(candidate), List.of());
  }

  /** Two already-read folders. */
  public static Compare of(DataFolder baseline, DataFolder candidate) {
    return new Compare(side(baseline), side(candidate), List.of());
  }

  /** The same, pairing on every setting but these ({@code device}, {@code commit} …). */
  public Compare by(String... settings) {
    return new Compare(baseline, candidate, List.of(settings));
  }

  private static Side side(Path p) {
    if (Files.isDirectory(p)) {
      if (Files.exists(p.resolve("device.csv"))) {
        return side(DataFolder.read(p, dev.tokbench.device.DeviceCatalog.builtin(), null, false));
      }
      return new Side(p.getFileName().toString(), RunsFolder.read(p).rows(), Settings::of);
    }
    if (!Files.exists(p)) throw new BadInputException("no such file or folder: " + p);
    return new Side(p.getFileName().toString(), Import.read(p), Settings::of);
  }

  private static Side side(DataFolder d) {
    Function<BenchResult, Settings> settings =
        r ->
            d.model(r)
                .map(m -> Settings.of(r).with("model", m.chartLabel()).with("quant", ""))
                .orElseGet(() -> Settings.of(r));
    return new Side(d.dir().getFileName().toString(), d.results(), settings);
  }

  /**
   * The settings the two sides are compared on: those named with {@link #by}, else each that is the
   * same within a side and different between them.
   */
  public List<String> differing() {
    if (!by.isEmpty()) return by;
    // a framework one side alone measured (the H200's llama-batched-bench) tells nothing apart
    Set<String> both = frameworks(baseline);
    both.retainAll(frameworks(candidate));
    return Comparison.differingSettings(settings(baseline, both), settings(candidate, both));
  }

  private static Set<String> frameworks(Side s) {
    Set<String> out = new LinkedHashSet<>();
    s.rows().forEach(r -> out.add(r.framework()));
    return out;
  }

  private static List<Settings> settings(Side s, Set<String> frameworks) {
    return s.rows().stream()
        .filter(r -> r.ok() && frameworks.contains(r.framework()))
        .map(s.settings())
        .toList();
  }

  /** The pairs, candidate ÷ baseline. */
  public Comparison comparison() {
    for (String s : by) {
      if (!Settings.IDENTITY.contains(s) && !known(s)) {
        throw new BadInputException(
            "--by " + s + ": no row has that setting; settings are " + settingNames());
      }
    }
    return Comparison.bySettings(
        baseline.name(),
        baseline.rows(),
        baseline.settings(),
        candidate.name(),
        candidate.rows(),
        candidate.settings(),
        differing());
  }

  private boolean known(String setting) { // the first row that has it will do
    for (Side s : List.of(baseline, candidate)) {
      for (BenchResult r : s.rows()) if (Settings.of(r).has(setting)) return true;
    }
    return false;
  }

  private Set<String> settingNames() {
    Set<String> names = new LinkedHashSet<>(Settings.IDENTITY);
    for (List<BenchResult> rows : List.of(baseline.rows(), candidate.rows())) {
      for (BenchResult r : rows) names.addAll(Settings.of(r).names());
    }
    return names;
  }

  /** The pairs as a table: what tells them apart, each side's tok/s, the speedup and its test. */
  public ReportTable table() {
    Comparison c = comparison();
    List<Settings> keys = new ArrayList<>();
    for (Comparison.Pair p : c.rows()) keys.add(key(p));
    List<String> shown = shownSettings(keys);
    List<String> headers = new ArrayList<>();
    shown.forEach(s -> headers.add(Settings.header(s)));
    headers.addAll(
        List.of(
            "t/s " + baseline.name(),
            "t/s " + candidate.name(),
            "Speedup",
            "95% CI",
            "p (Welch)",
            "Significant"));
    List<List<Entry>> rows = new ArrayList<>();
    for (int i = 0; i < c.rows().size(); i++) rows.add(row(c.rows().get(i), keys.get(i), shown));
    return new ReportTable(
            "compare", baseline.name() + " against " + candidate.name(), headers, rows, note(c))
        .withSettings(ShapedTable.settingsLine(Variation.of(keys), Set.of()));
  }

  /** What a pair shares: the baseline's settings without the ones compared on. */
  Settings key(Comparison.Pair p) {
    return baseline.settings().apply(p.baseline()).without(differing());
  }

  /** The settings that vary among the pairs, the identity always. */
  private static List<String> shownSettings(List<Settings> keys) {
    Variation v = Variation.of(keys);
    List<String> shown = new ArrayList<>();
    for (String s : List.of("model", "quant", "flash_attn", "test")) {
      if (v.varies(s) || !v.constant().getOrDefault(s, "").isEmpty()) shown.add(s);
    }
    for (String s : v.varying()) if (!shown.contains(s)) shown.add(s);
    return shown;
  }

  private static List<Entry> row(Comparison.Pair p, Settings key, List<String> shown) {
    List<Entry> row = new ArrayList<>();
    for (String s : shown) row.add(Entry.text(dash(key.get(s))));
    Speedup sp = p.statistics();
    row.add(meanStddev(p.baseline()));
    row.add(meanStddev(p.candidate()));
    row.add(Entry.number(fixed(sp.ratio(), 3), sp.ratio()));
    row.add(Entry.text(sp.testable() ? fixed(sp.ciLow(), 3) + "-" + fixed(sp.ciHigh(), 3) : "—"));
    row.add(Entry.number(sp.testable() ? p(sp.p()) : "—", sp.p()));
    Entry sig = Entry.text(sp.significance());
    row.add(sp.significant() ? sig.inBold() : sig);
    return row;
  }

  private static Entry meanStddev(BenchResult r) {
    Pooled p = Pooled.of(List.of(r));
    String sd = Double.isNaN(p.stddev()) ? "" : " ± " + fixed(p.stddev(), 2);
    return Entry.number(fixed(p.mean(), 2) + sd, p.mean());
  }

  private static String p(double p) {
    return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  private String note(Comparison c) {
    int b = (int) baseline.rows().stream().filter(BenchResult::ok).count();
    int k = (int) candidate.rows().stream().filter(BenchResult::ok).count();
    String on =
        differing().isEmpty()
            ? "every setting"
            : "every setting but " + String.join(", ", differing());
    return "Speedup = "
        + candidate.name()
        + " ÷ "
        + baseline.name()
        + ", paired on "
        + on
        + " ("
        + c.rows().size()
        + " pairs of "
        + b
        + " and "
        + k
        + " measured rows; repeats merged first). 95% CI of the ratio: delta method on its log;"
        + " p: Welch's t-test on the repetitions of each side, two-sided; significant when p < "
        + Speedup.ALPHA
        + ". — where a side has a single repetition.";
  }

  /** The pairs as Markdown, with the settings line and the note. */
  public String markdown() {
    ReportTable t = table();
    return "# " + t.title() + "\n\n" + t.markdown();
  }

  /** The pairs as CSV: each side's settings, mean, stddev and repetitions, and the statistics. */
  public String csv() {
    return CompareOutput.csv(this, comparison());
  }

  /** The pairs as one JSON object: names, what differs, the test used, and every pair. */
  public String json() {
    return CompareOutput.json(this, comparison());
  }

  String baselineName() {
    return baseline.name();
  }

  String candidateName() {
    return candidate.name();
  }

  /** How many configurations (repeats merged) each side measured: baseline, candidate. */
  int[] configurations() {
    return new int[] {measured(baseline), measured(candidate)};
  }

  private static int measured(Side s) {
    return dev.tokbench.results.Repeats.merge(s.rows(), s.settings()).size();
  }

  private static String dash(String s) {
    return s.isEmpty() ? "—" : s;
  }

  @Override
  public String toString() {
    return "Compare["
        + baseline.name()
        + " -> "
        + candidate.name()
        + ", differing "
        + differing()
        + "]";
  }
}
