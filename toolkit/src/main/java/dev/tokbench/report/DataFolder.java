package dev.tokbench.report;

import dev.tokbench.TidyCsv;
import dev.tokbench.bandwidth.Bandwidth;
import dev.tokbench.device.Device;
import dev.tokbench.device.DeviceCatalog;
import dev.tokbench.device.UnknownDeviceException;
import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.MergedRuns;
import dev.tokbench.results.Repeats;
import dev.tokbench.results.ServeMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One folder of {@code data/}: the results of one source (a published report, a run) with the
 * device, the model inventory and what the prose quotes. Every file is optional except {@code
 * device.csv}; see each folder's {@code SOURCE.md}.
 *
 * <ul>
 *   <li>{@code device.csv}: the device (a catalogue name or alias) and the bandwidths to judge by
 *   <li>{@code models.csv}: names, sizes and labels of the models
 *   <li>{@code llama-cpp.csv}, {@code tinygrad.csv}, {@code frameworks.csv}: transcribed figures
 *   <li>{@code *.json}: llama-bench's own JSON output, as it came
 *   <li>{@code quoted.csv}, {@code ascii-bars.csv}: figures of the prose, the hand-drawn bars
 *   <li>{@code runs/} (and its subfolders): any file {@code tokbench run}, {@code sweep} or {@code
 *       import} wrote, or a saved llama-bench, tinygrad, vLLM or MLC output, recognised by content
 *   <li>{@code devices.csv}: catalogue rows for a device the built-in catalogue lacks, with the
 *       columns {@code tokbench device --list} prints
 * </ul>
 *
 * @param dir the folder
 * @param device the device and its bandwidths
 * @param catalog the devices rows are judged against, each by the device its provenance names
 * @param models the model inventory
 * @param results every row: measured, failed and not installed
 * @param quoted figures the prose quotes
 * @param drawnBars the published text bars
 * @param skipped files of {@code runs/} whose rows were left out, with why (duplicates)
 * @param configurations the measured rows merged by configuration (repeats pooled)
 * @param merged one row per configuration ({@link MergedRuns#asRow}), made once: the tables and
 *     claims read it many times, and a fleet's folder holds hundreds of thousands of rows
 */
public record DataFolder(
    Path dir,
    DeviceSpec device,
    DeviceCatalog catalog,
    List<ModelEntry> models,
    List<BenchResult> results,
    List<QuotedFigure> quoted,
    List<DrawnBar> drawnBars,
    List<SkippedFile> skipped,
    List<MergedRuns> configurations,
    List<BenchResult> merged) {
  static final List<String> DEVICE_COLUMNS =
      List.of("device", "theoretical_bandwidth_gb_per_s", "practical_bandwidth_gb_per_s", "source");

  public DataFolder {
    models = List.copyOf(models);
    results = List.copyOf(results);
    quoted = List.copyOf(quoted);
    drawnBars = List.copyOf(drawnBars);
    skipped = List.copyOf(skipped);
    configurations = List.copyOf(configurations);
    merged = List.copyOf(merged);
  }

  /**
   * Reads a folder, finding its device in the built-in catalogue plus the folder's own {@code
   * devices.csv} (same columns as {@code data/devices.csv}), for a machine the catalogue lacks.
   */
  public static DataFolder read(Path dir) {
    return read(dir, DeviceCatalog.builtin(), null);
  }

  /** Reads a folder, finding its device in {@code catalog} (and the folder's devices.csv). */
  public static DataFolder read(Path dir, DeviceCatalog catalog) {
    return read(dir, catalog, null);
  }

  /**
   * Reads a folder whose device is {@code given} (from the command line: {@code --device NAME
   * --bandwidth GB/s}) instead of its {@code device.csv}; null to read {@code device.csv}.
   */
  public static DataFolder read(Path dir, DeviceCatalog catalog, DeviceSpec given) {
    return read(dir, catalog, given, true);
  }

  /** With {@code merge} false no configurations (compare wants the rows alone, merges its own). */
  static DataFolder read(Path dir, DeviceCatalog catalog, DeviceSpec given, boolean merge) {
    if (!Files.isDirectory(dir)) {
      throw new dev.tokbench.BadInputException(
          "no data folder at " + dir + (Files.exists(dir) ? ": it is a file" : ": no such folder"));
    }
    Path own = dir.resolve("devices.csv");
    DeviceCatalog devices = Files.exists(own) ? catalog.with(DeviceCatalog.read(own)) : catalog;
    DeviceSpec device = given != null ? given : device(dir, devices);
    List<ModelEntry> models =
        optional(dir.resolve("models.csv"), ModelEntry.COLUMNS, ModelEntry::of);
    Transcribed t = new Transcribed(device.device().name(), r -> entry(models, r));
    List<BenchResult> results = new ArrayList<>();
    ifExists(dir.resolve("llama-cpp.csv"), f -> results.addAll(t.llamaCpp(f)));
    results.addAll(LlamaBenchJson.readAll(dir));
    ifExists(dir.resolve("tinygrad.csv"), f -> results.addAll(t.tinygrad(f)));
    ifExists(dir.resolve("frameworks.csv"), f -> results.addAll(t.unavailable(f)));
    RunsFolder runs = RunsFolder.read(dir.resolve("runs"));
    results.addAll(runs.rows());
    // a serve row is a load level, not a configuration: the serving tables show it
    List<MergedRuns> configurations =
        merge
            ? Repeats.merge(results.stream().filter(r -> !ServeMetrics.isServe(r)).toList())
            : List.of();
    return new DataFolder(
        dir,
        device,
        devices,
        models,
        results,
        quoted(dir),
        drawnBars(dir),
        runs.skipped(),
        configurations,
        configurations.stream().map(MergedRuns::asRow).toList());
  }

  private static DeviceSpec device(Path dir, DeviceCatalog catalog) {
    Path file = dir.resolve("device.csv");
    if (!Files.exists(file)) {
      throw new dev.tokbench.BadInputException(
          "no device.csv in "
              + dir
              + ": write one (device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,"
              + "source) or give the device with --device NAME [--bandwidth GB/s]");
    }
    List<TidyCsv.Row> rows = TidyCsv.read(file, DEVICE_COLUMNS).rows();
    if (rows.size() != 1) {
      throw new dev.tokbench.DataFileException(
          file.toString(), 1, "expected one device row, found " + rows.size());
    }
    TidyCsv.Row r = rows.get(0);
    Device d;
    try {
      d = catalog.find(r.required("device"));
    } catch (UnknownDeviceException e) {
      throw new UnknownDeviceException(file + ":" + r.line() + ": " + e.getMessage());
    }
    double theoretical = r.optionalNumber("theoretical_bandwidth_gb_per_s");
    double practical = r.optionalNumber("practical_bandwidth_gb_per_s");
    return new DeviceSpec(
        d,
        Double.isNaN(theoretical) ? d.theoretical() : Bandwidth.gbPerS(theoretical),
        Double.isNaN(practical) ? null : Bandwidth.gbPerS(practical),
        r.required("source"));
  }

  private static ModelEntry entry(List<ModelEntry> models, TidyCsv.Row r) {
    String model = r.required("model");
    String quant = r.required("quant");
    return models.stream()
        .filter(m -> m.is(model, quant))
        .findFirst()
        .orElseThrow(
            () ->
                r.error(
                    "model '" + model + "' " + quant + " is not in models.csv; it has " + models));
  }

  private static List<QuotedFigure> quoted(Path dir) {
    List<String> cols = List.of("quantity", "value", "unit", "section", "quote");
    return optional(
        dir.resolve("quoted.csv"),
        cols,
        r ->
            new QuotedFigure(
                r.required("quantity"),
                r.number("value"),
                Units.check(r, "unit"),
                r.text("section"),
                r.text("quote")));
  }

  private static List<DrawnBar> drawnBars(Path dir) {
    List<String> cols = List.of("chart", "label", "tokens_per_s", "drawn_bar");
    return optional(
        dir.resolve("ascii-bars.csv"),
        cols,
        r ->
            Transcribed.guarded(
                r,
                () ->
                    new DrawnBar(
                        r.required("chart"),
                        r.required("label"),
                        r.number("tokens_per_s"),
                        r.required("drawn_bar"))));
  }

  private static <T> List<T> optional(
      Path file, List<String> columns, java.util.function.Function<TidyCsv.Row, T> make) {
    if (!Files.exists(file)) return List.of();
    return TidyCsv.read(file, columns).rows().stream().map(make).toList();
  }

  private static void ifExists(Path file, java.util.function.Consumer<Path> read) {
    if (Files.exists(file)) read.accept(file);
  }

  /** The inventory entry of a result row's model, if the folder has one. */
  public Optional<ModelEntry> model(BenchResult r) {
    for (ModelEntry m : models) if (m.is(r.model(), r.quant())) return Optional.of(m);
    return Optional.empty(); // a loop, not a stream: asked for every row of every table
  }

  /**
   * The device a row was measured on, as its provenance names it ({@code gpu_info}, {@code
   * cpu_info}, the machine's GPU): the folder's own device (with the bandwidths it states) when
   * that is the one, else the catalogue's entry; empty when the row names no device or one the
   * catalogue lacks, so that nothing is computed against another device's bandwidth.
   */
  public Optional<DeviceSpec> deviceOf(BenchResult r) {
    String name = r.device();
    if (name.isBlank()) return Optional.empty();
    if (device.device().matches(name) || device.device().name().equalsIgnoreCase(name)) {
      return Optional.of(device);
    }
    return catalog.match(List.of(name)).map(DeviceSpec::of);
  }

  /**
   * One row per configuration: a run measured once is its own row, repeats are merged with their
   * repetitions pooled ({@link MergedRuns#asRow}). The analysis tables and claims read these.
   */
  @Override
  public List<BenchResult> merged() {
    return merged;
  }

  /**
   * The rows that hold a measurement of one stream: ok, not from a tinygrad BEAM search (whose
   * rates are kept but measure the search, {@link BeamPhase#isSearch}) nor llama-batched-bench's
   * (many sequences at once).
   */
  public List<BenchResult> measured() {
    return results.stream().filter(DataFolder::oneStream).toList();
  }

  /**
   * {@link #measured()} with repeats merged: one point per configuration, so a chart does not draw
   * the same configuration twice (a matrix run and a depth sweep's depth 0) under one label.
   */
  public List<BenchResult> measuredConfigurations() {
    return merged.stream().filter(DataFolder::oneStream).toList();
  }

  private static boolean oneStream(BenchResult r) {
    return r.ok() && !BeamPhase.isSearch(r) && !batched(r);
  }

  /** A row of llama-batched-bench: many sequences at once, its own table and charts. */
  private static boolean batched(BenchResult r) {
    return r.framework().equals(dev.tokbench.formats.llamabench.BatchedBench.FRAMEWORK);
  }

  /** The figure the prose quotes under this key. */
  public Optional<QuotedFigure> quotedFigure(String quantity) {
    return quoted.stream().filter(q -> q.quantity().equals(quantity)).findFirst();
  }

  @Override
  public String toString() {
    return "DataFolder[" + dir.getFileName() + ": " + device + ", " + results.size() + " rows]";
  }
}
