package dev.tokbench.report;

import dev.tokbench.TidyCsv;
import dev.tokbench.bandwidth.Bandwidth;
import dev.tokbench.device.Device;
import dev.tokbench.device.DeviceCatalog;
import dev.tokbench.device.UnknownDeviceException;
import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.results.BenchResult;
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
 *   <li>{@code tinygrad-runs.csv}: saved tinygrad benchmark logs, with model, backend and label
 *   <li>{@code quoted.csv}, {@code ascii-bars.csv}: figures of the prose, the hand-drawn bars
 *   <li>{@code runs/}: any file {@code tokbench run}, {@code sweep} or {@code import} wrote, or a
 *       saved llama-bench, tinygrad, vLLM or MLC output, recognised by content
 *   <li>{@code devices.csv}: catalogue rows for a device the built-in catalogue lacks
 * </ul>
 *
 * @param dir the folder
 * @param device the device and its bandwidths
 * @param models the model inventory
 * @param results every row: measured, failed and not installed
 * @param quoted figures the prose quotes
 * @param drawnBars the published text bars
 */
public record DataFolder(
    Path dir,
    DeviceSpec device,
    List<ModelEntry> models,
    List<BenchResult> results,
    List<QuotedFigure> quoted,
    List<DrawnBar> drawnBars) {
  static final List<String> DEVICE_COLUMNS =
      List.of("device", "theoretical_bandwidth_gb_per_s", "practical_bandwidth_gb_per_s", "source");

  public DataFolder {
    models = List.copyOf(models);
    results = List.copyOf(results);
    quoted = List.copyOf(quoted);
    drawnBars = List.copyOf(drawnBars);
  }

  /**
   * Reads a folder, finding its device in the built-in catalogue plus the folder's own {@code
   * devices.csv} (same columns as {@code data/devices.csv}), for a machine the catalogue lacks.
   */
  public static DataFolder read(Path dir) {
    Path own = dir.resolve("devices.csv");
    DeviceCatalog builtin = DeviceCatalog.builtin();
    return read(dir, Files.exists(own) ? builtin.with(DeviceCatalog.read(own)) : builtin);
  }

  /** Reads a folder, finding its device in {@code catalog}. */
  public static DataFolder read(Path dir, DeviceCatalog catalog) {
    if (!Files.isDirectory(dir)) {
      throw new dev.tokbench.BadInputException(
          "no data folder at " + dir + (Files.exists(dir) ? ": it is a file" : ": no such folder"));
    }
    DeviceSpec device = device(dir.resolve("device.csv"), catalog);
    List<ModelEntry> models =
        optional(dir.resolve("models.csv"), ModelEntry.COLUMNS, ModelEntry::of);
    Transcribed t = new Transcribed(device.device().name(), r -> entry(models, r));
    List<BenchResult> results = new ArrayList<>();
    ifExists(dir.resolve("llama-cpp.csv"), f -> results.addAll(t.llamaCpp(f)));
    results.addAll(LlamaBenchJson.readAll(dir));
    ifExists(dir.resolve("tinygrad.csv"), f -> results.addAll(t.tinygrad(f)));
    ifExists(
        dir.resolve("tinygrad-runs.csv"),
        f -> results.addAll(TinygradRuns.read(f, device.device().name())));
    ifExists(dir.resolve("frameworks.csv"), f -> results.addAll(t.unavailable(f)));
    results.addAll(RunsFolder.read(dir.resolve("runs")));
    return new DataFolder(dir, device, models, results, quoted(dir), drawnBars(dir));
  }

  private static DeviceSpec device(Path file, DeviceCatalog catalog) {
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
    return models.stream().filter(m -> m.is(r.model(), r.quant())).findFirst();
  }

  /**
   * The rows that hold a measurement: ok, and not from a tinygrad BEAM search (whose rates are kept
   * but measure the search, {@link BeamPhase#isSearch}).
   */
  public List<BenchResult> measured() {
    return results.stream().filter(r -> r.ok() && !BeamPhase.isSearch(r)).toList();
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
