package dev.tokbench.report;

import dev.tokbench.report.chart.XyChart;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Comparison;
import dev.tokbench.tables.BenchTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The report regenerated from one data folder: every table, text bar chart, XChart chart and claim,
 * for notebooks, JShell and {@code tokbench report}.
 *
 * <pre>{@code
 * var orin = Report.from(Path.of("data/jetson-orin-agx-2025-07-17"));
 * orin.table("llama.cpp")            // ReportTable: .markdown(), .html(), .csv(), .table()
 * orin.bars("decode-1b-q6k")         // TextBars: .render()
 * orin.chart("llama-cpp-decode")     // ReportChart: .figure().svg(), .png(), .caption()
 * orin.claims()                      // List<Claim> with verdicts
 * orin.writeTo(Path.of("build/report"))
 * }</pre>
 *
 * Table names: {@code summary}, {@code tinygrad 1B Q6_K} (one per model), {@code tinygrad-beam},
 * {@code llama.cpp}, {@code prefill-decode}, {@code bandwidth}, {@code ceiling}, {@code prefill},
 * {@code models}, {@code bar-deviations}, {@code serving} (serve-bench's levels); a folder has
 * those its data allows ({@link #tableNames()}).
 */
public final class Report {
  private final DataFolder data;
  private ResultTables results; // built once: a fleet's folder holds hundreds of thousands of rows
  private ServeTables serving;
  private final Placements placed = new Placements(); // where the tables put each row
  private List<ReportTable> tables;
  private List<TextBars> bars; // made once, like the tables: a page and its writer each ask
  private List<ReportChart> charts;
  private final ReportText text;
  private final java.util.Optional<ClaimsFile> claimsFile;

  private Report(DataFolder data) {
    this.data = data;
    this.text = ReportText.read(data.dir());
    this.claimsFile = ClaimsFile.read(data.dir());
  }

  /** The report of the data folder at {@code dir}. */
  public static Report from(Path dir) {
    return new Report(DataFolder.read(dir));
  }

  /** The report of a folder whose device is in {@code catalog} (e.g. with devices of your own). */
  public static Report from(Path dir, dev.tokbench.device.DeviceCatalog catalog) {
    return new Report(DataFolder.read(dir, catalog));
  }

  /** The report of an already-read folder. */
  public static Report of(DataFolder data) {
    return new Report(data);
  }

  /** The folder's data. */
  public DataFolder data() {
    return data;
  }

  /** The folder's words that are not figures ({@code report.yaml}; empty without one). */
  public ReportText text() {
    return text;
  }

  /** Every row, normalised. */
  public List<BenchResult> results() {
    return data.results();
  }

  /** Every row as a Tablesaw table ({@link BenchTable#of}). */
  public Table resultsTable() {
    return BenchTable.of(data.results());
  }

  /**
   * Every table, in the report's order: summary, tinygrad, llama.cpp, embedded llama.cpp, other
   * frameworks, repeats and variation, bandwidth, ceiling, prefill, ratios, models, published bars,
   * and what is not shown.
   */
  public synchronized List<ReportTable> tables() {
    if (tables != null) return tables;
    ResultTables r = resultTables();
    BandwidthTables b = new BandwidthTables(data);
    List<ReportTable> out = new ArrayList<>();
    r.summary().ifPresent(out::add);
    out.addAll(r.tinygrad());
    BeamTable.of(data.results(), placed).ifPresent(out::add);
    out.addAll(HarnessTable.of(data, placed));
    out.addAll(r.llamaCpp());
    out.addAll(r.embeddedLlamaCpp());
    out.addAll(r.otherFrameworks());
    out.addAll(serving().tables());
    new PrefillTable(data).table().ifPresent(out::add);
    RepeatsTable.of(data).ifPresent(out::add);
    b.utilisation().ifPresent(out::add);
    b.ceiling().ifPresent(out::add);
    b.prefill().ifPresent(out::add);
    new RatioTable(data).table().ifPresent(out::add);
    EnergyTable.of(data).ifPresent(out::add);
    MemoryRowsTable.of(data).ifPresent(out::add);
    r.models().ifPresent(out::add);
    if (!data.drawnBars().isEmpty()) out.add(new ReportBars(data).deviations());
    NotShownTable.of(data, placedSoFar()).ifPresent(out::add);
    tables = List.copyOf(out);
    return tables;
  }

  private synchronized ResultTables resultTables() {
    if (results == null) results = new ResultTables(data, placed);
    return results;
  }

  private synchronized ServeTables serving() {
    if (serving == null) serving = ServeTables.of(data);
    return serving;
  }

  /**
   * Where every row of the folder is: the result table, row and column of its cell, or why no table
   * shows it. Each row is in exactly one cell or not shown, never both, never dropped.
   */
  public List<Placement> placements() {
    tables(); // the BEAM and prefill tables place the rows no other table has
    return placedSoFar();
  }

  /** The placements of the tables built so far, serving's and the memory rows' included. */
  private List<Placement> placedSoFar() {
    return MemoryRowsTable.placed(data, serving().placements(resultTables().placements()));
  }

  /** The names {@link #table} accepts for this folder. */
  public List<String> tableNames() {
    return tables().stream().map(ReportTable::name).toList();
  }

  /** The table with this name, e.g. {@code llama.cpp}. */
  public ReportTable table(String name) {
    return tables().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new UnknownNameException("table", name, tableNames()));
  }

  /** The text bar charts, in the report's order. */
  public synchronized List<TextBars> bars() {
    if (bars == null) bars = List.copyOf(new ReportBars(data).all());
    return bars;
  }

  /** The text bar chart with this key, e.g. {@code decode-1b-q6k}. */
  public TextBars bars(String key) {
    return bars().stream()
        .filter(b -> b.key().equals(key))
        .findFirst()
        .orElseThrow(
            () ->
                new UnknownNameException(
                    "bar chart", key, bars().stream().map(TextBars::key).toList()));
  }

  /** Every drawn chart, with its caption, in the report's order. */
  public synchronized List<ReportChart> charts() {
    if (charts == null) charts = List.copyOf(Charts.of(data));
    return charts;
  }

  /** The drawn chart with this id, e.g. {@code decode-1b-q6k} or {@code decode-ceiling}. */
  public ReportChart chart(String id) {
    return charts().stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new UnknownNameException(
                    "chart", id, charts().stream().map(ReportChart::id).toList()));
  }

  /**
   * Decode tok/s against model size with the bandwidth ceilings of this device and of {@code
   * others}' devices, e.g. {@code orin.decodeCeilingChart(h100)}.
   */
  public XyChart decodeCeilingChart(Report... others) {
    List<DataFolder> folders = new ArrayList<>(List.of(data));
    for (Report r : others) folders.add(r.data);
    return Charts.decodeCeiling(folders);
  }

  /**
   * The claims of the folder's {@code claims.yaml}, each recomputed on this folder with its
   * verdict; empty for a folder without one (a report makes only the claims its own folder states).
   */
  public List<Claim> claims() {
    return claimsFile.map(f -> Claims.check(data, f)).orElse(List.of());
  }

  /**
   * Whether this folder states claims to check ({@code claims.yaml}): a folder without them gets no
   * {@code claims.md} and no verdicts.
   */
  public boolean hasClaims() {
    return claimsFile.isPresent();
  }

  /**
   * This folder's results (baseline) against {@code other}'s (candidate), matched by the model's
   * chart label in either inventory ({@code LLaMA 1B Q6_K}), flash attention and test, so folders
   * that name models differently still pair up.
   */
  public Comparison compareWith(Report other) {
    java.util.function.Function<BenchResult, String> key =
        r -> {
          var model = data.model(r).or(() -> other.data.model(r)).map(ModelEntry::chartLabel);
          String label = model.orElse(r.model() + " " + r.quant());
          return label + "|" + r.flashAttn().label() + "|" + r.test() + "|" + r.nDepth();
        };
    return Comparison.of(name(), results(), other.name(), other.results(), key);
  }

  /**
   * This report and {@code other} side by side: tok/s on each device, the speedup, and decode
   * bandwidth as GB/s and % of each theoretical ({@code orin.compareTable(h100).markdown()}).
   */
  public ReportTable compareTable(Report other) {
    return ComparisonTable.of(this, other);
  }

  /** The folder's name, e.g. {@code jetson-orin-agx-2025-07-17}. */
  public String name() {
    return data.dir().getFileName().toString();
  }

  /**
   * {@code REPORT.md}: the published report's sections with every table, text bar chart and drawn
   * chart regenerated, and the verdicts of the claims beside the prose that makes them.
   */
  public String markdown() {
    return PageMarkdown.render(ReportPage.of(this));
  }

  /** {@code claims.md}. */
  public String claimsMarkdown() {
    return Claims.markdown(data, claims());
  }

  /**
   * Writes REPORT.md, claims.md, results.csv, charts/*.png and charts/*.svg under {@code out},
   * removing what an earlier run there wrote and this one does not.
   */
  public void writeTo(Path out) {
    ReportWriter.write(this, out, false, false, null);
  }

  /**
   * As {@link #writeTo(Path)}, with {@code index.html} when {@code html} and {@code
   * published-diff.md} when {@code diffPublished}; returns the files written.
   */
  public List<Path> writeTo(Path out, boolean html, boolean diffPublished) {
    return ReportWriter.write(this, out, html, diffPublished, null);
  }

  /**
   * As {@link #writeTo(Path, boolean, boolean)}, with {@code COMPARE.md} ({@link #compareMarkdown})
   * when {@code compare} is not null; a later run without it removes that file too.
   */
  public List<Path> writeTo(Path out, boolean html, boolean diffPublished, Report compare) {
    return ReportWriter.write(this, out, html, diffPublished, compare);
  }

  /** {@code COMPARE.md}: this folder's figures beside {@code other}'s ({@link #compareTable}). */
  public String compareMarkdown(Report other) {
    return "# " + compareTable(other).toString().replaceFirst("\n", "\n\n");
  }

  /** {@code index.html}: the whole report as one self-contained page (no network fetch). */
  public String html() {
    return PageHtml.render(this, ReportPage.of(this));
  }

  /** Every difference between {@link #markdown()} and the folder's published report. */
  public PublishedDiff diffPublished() {
    return PublishedDiff.of(this);
  }

  @Override
  public String toString() {
    return "Report[" + name() + ": " + data.device() + "; tables " + tableNames() + "]";
  }
}
