package dev.tokbench.report;

import dev.tokbench.results.MergedRuns;
import dev.tokbench.results.Settings;
import dev.tokbench.results.Variation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Lays configurations out as tables shaped by what varies among them. A table has its own key
 * columns (llama.cpp's model, quant and FA) and either one column per value of a setting (the test)
 * or fixed value columns (tinygrad's tok/s, ms/tok …). Every other setting that varies becomes a
 * column after the keys; the device, when it varies, splits the table in one per device; the
 * settings that are the same for every row are stated once above the table. Each configuration
 * lands in exactly one cell, and the {@link Placements} record which.
 */
final class ShapedTable {
  /** Settings stated per table (the device splits) or implied by it (the framework). */
  private static final Set<String> SPLIT = Set.of("framework", "device");

  /**
   * A key column the table always has.
   *
   * @param header its header
   * @param settings the settings it shows, which no other column repeats
   * @param text what it shows for a configuration
   */
  record Key(String header, List<String> settings, Function<MergedRuns, String> text) {}

  /**
   * A value column of a table without a column setting.
   *
   * @param header its header
   * @param entry what it shows for a configuration
   */
  record Value(String header, Function<MergedRuns, Entry> entry) {}

  /**
   * What a table looks like.
   *
   * @param name the table's name ({@code llama.cpp}); a split adds {@code (device)}
   * @param title its heading; a split adds {@code — device}
   * @param keys the key columns
   * @param across the setting with a column per value, or null for {@code values}
   * @param acrossHeader the header of a column of {@code across}
   * @param cell the entry of a configuration in a column of {@code across}
   * @param values the value columns when {@code across} is null; the first one is "where" a row is
   * @param stated settings the title states (one tinygrad table per model), shown nowhere else
   * @param footnote under the table
   */
  record Spec(
      String name,
      String title,
      List<Key> keys,
      String across,
      Function<String, String> acrossHeader,
      Function<MergedRuns, Entry> cell,
      List<Value> values,
      List<String> stated,
      String footnote) {
    /** A table with a column per value of {@code across} (llama.cpp's tests). */
    static Spec across(
        String name,
        String title,
        List<Key> keys,
        String across,
        Function<String, String> header,
        Function<MergedRuns, Entry> cell) {
      return new Spec(name, title, keys, across, header, cell, List.of(), List.of(), "");
    }

    /** A table with fixed value columns (tinygrad's), for configurations sharing {@code stated}. */
    static Spec values(
        String name, String title, List<Key> keys, List<Value> values, List<String> stated) {
      return new Spec(name, title, keys, null, null, null, values, stated, "");
    }
  }

  private ShapedTable() {}

  /** The tables of {@code configs}: one, or one per device when the device varies. */
  static List<ReportTable> build(Spec spec, List<MergedRuns> configs, Placements placed) {
    Map<String, List<MergedRuns>> byDevice = new LinkedHashMap<>();
    for (MergedRuns c : configs) {
      byDevice.computeIfAbsent(c.settings().get("device"), d -> new ArrayList<>()).add(c);
    }
    if (byDevice.size() <= 1) return List.of(table(spec, configs, placed, ""));
    List<ReportTable> out = new ArrayList<>();
    byDevice.forEach((device, part) -> out.add(table(spec, part, placed, deviceName(device))));
    return out;
  }

  static String deviceName(String device) {
    return device.isEmpty() ? "device unknown" : device;
  }

  private static ReportTable table(
      Spec spec, List<MergedRuns> configs, Placements placed, String device) {
    Set<String> taken = new LinkedHashSet<>(SPLIT);
    spec.keys().forEach(k -> taken.addAll(k.settings()));
    taken.addAll(spec.stated());
    if (spec.across() != null) taken.add(spec.across());
    Variation v = Variation.ofRuns(configs);
    List<String> extra =
        new ArrayList<>(v.varying().stream().filter(n -> !taken.contains(n)).toList());
    Map<List<String>, List<MergedRuns>> rows = rows(spec, configs, extra, taken);
    List<String> columns =
        spec.across() == null
            ? List.of()
            : configs.stream().map(c -> c.settings().get(spec.across())).distinct().toList();
    String name = device.isEmpty() ? spec.name() : spec.name() + " (" + device + ")";
    String title = device.isEmpty() ? spec.title() : spec.title() + " — " + device;
    List<Row> recipes = new ArrayList<>(rows.size());
    rows.forEach((key, runs) -> recipes.add(Row.of(spec, key, runs, columns)));
    for (int i = 0; i < recipes.size(); i++) place(spec, recipes.get(i), placed, name, i);
    List<List<Entry>> out =
        LazyRows.disjoint(
            recipes.size(),
            i -> cells(spec, recipes.get(i)),
            i -> shown(spec, recipes.get(i)).stream().flatMap(c -> c.runs().stream()).toList());
    return new ReportTable(name, title, headers(spec, extra, columns), out, spec.footnote())
        .withSettings(settingsLine(v, taken));
  }

  /**
   * A row of a table: its key columns' texts, its configurations and, in a table with a column per
   * value of {@code across}, the configuration each column shows (null where none).
   */
  private record Row(List<String> key, List<MergedRuns> runs, List<MergedRuns> byColumn) {
    static Row of(Spec spec, List<String> key, List<MergedRuns> runs, List<String> columns) {
      MergedRuns[] by = new MergedRuns[columns.size()];
      for (int c = 0; c < by.length; c++) by[c] = find(runs, spec.across(), columns.get(c));
      return new Row(key, runs, java.util.Collections.unmodifiableList(Arrays.asList(by)));
    }
  }

  /**
   * Records the cell of each configuration of row {@code i}: the same cells {@link #cells} makes.
   */
  private static void place(Spec spec, Row row, Placements placed, String table, int i) {
    int first = row.key().size();
    if (spec.across() == null) {
      for (MergedRuns each : row.runs()) placed.place(each, table, i, first);
      return;
    }
    for (int col = 0; col < row.byColumn().size(); col++) {
      MergedRuns c = row.byColumn().get(col);
      if (c != null) placed.place(c, table, i, first + col);
    }
  }

  private static List<Entry> cells(Spec spec, Row row) {
    List<Entry> cells = new ArrayList<>();
    row.key().forEach(t -> cells.add(Entry.text(t)));
    if (spec.across() == null) {
      MergedRuns c = row.runs().get(0);
      spec.values().forEach(val -> cells.add(val.entry().apply(c)));
    } else {
      for (MergedRuns c : row.byColumn()) {
        cells.add(c == null ? Entry.text("—") : spec.cell().apply(c));
      }
    }
    return cells;
  }

  /**
   * The configurations whose figures row {@code row} shows: the first one of a table of value
   * columns, the one of each column of {@code across}. A cell's figure comes from the runs of the
   * configuration it shows (the {@link Spec}'s functions promise it; the page counts the runs of
   * the rows it leaves out from these).
   */
  private static List<MergedRuns> shown(Spec spec, Row row) {
    if (spec.across() == null) return List.of(row.runs().get(0));
    return row.byColumn().stream().filter(java.util.Objects::nonNull).toList();
  }

  private static MergedRuns find(List<MergedRuns> row, String setting, String value) {
    for (MergedRuns c : row) if (c.settings().get(setting).equals(value)) return c;
    return null;
  }

  /**
   * The rows: configurations grouped by their key columns and the extra varying settings. Where two
   * configurations would share a cell (they differ only in a setting some do not state, or in one a
   * key column shows alike), the settings they differ in become columns too.
   */
  private static Map<List<String>, List<MergedRuns>> rows(
      Spec spec, List<MergedRuns> configs, List<String> extra, Set<String> taken) {
    for (int round = 0; ; round++) {
      Map<List<String>, List<MergedRuns>> rows = new LinkedHashMap<>();
      for (MergedRuns c : configs)
        rows.computeIfAbsent(rowKey(spec, c, extra), k -> new ArrayList<>()).add(c);
      Set<String> more = collisions(spec, rows.values(), extra);
      if (more.isEmpty() || round > 8) return rows;
      extra.addAll(more);
      extra.sort(Comparator.comparingInt(Settings::rank));
    }
  }

  private static List<String> rowKey(Spec spec, MergedRuns c, List<String> extra) {
    List<String> key = new ArrayList<>();
    for (Key k : spec.keys()) key.add(k.text().apply(c));
    for (String e : extra) key.add(c.settings().has(e) ? dash(c.settings().get(e)) : "—");
    return key;
  }

  /** The settings that tell apart configurations that would share a cell. */
  private static Set<String> collisions(
      Spec spec, java.util.Collection<List<MergedRuns>> rows, List<String> extra) {
    Set<String> more = new LinkedHashSet<>();
    for (List<MergedRuns> row : rows) {
      Map<String, MergedRuns> byColumn = new LinkedHashMap<>();
      for (MergedRuns c : row) {
        String col = spec.across() == null ? "" : c.settings().get(spec.across());
        MergedRuns other = byColumn.putIfAbsent(col, c);
        if (other != null) {
          for (String d : other.settings().differences(c.settings())) {
            if (!extra.contains(d) && !SPLIT.contains(d)) more.add(d);
          }
        }
      }
    }
    return more;
  }

  private static List<String> headers(Spec spec, List<String> extra, List<String> columns) {
    List<String> h = new ArrayList<>();
    spec.keys().forEach(k -> h.add(k.header()));
    extra.forEach(e -> h.add(Settings.header(e)));
    if (spec.across() == null) spec.values().forEach(v -> h.add(v.header()));
    else columns.forEach(c -> h.add(spec.acrossHeader().apply(c)));
    return h;
  }

  /** {@code Same for every row: backend CUDA, device NVIDIA H200, threads 16 …}; empty if none. */
  static String settingsLine(Variation v, Set<String> taken) {
    List<String> parts = new ArrayList<>();
    v.constant()
        .forEach(
            (n, value) -> {
              // the identity (framework, backend, device, model, quant, FA, test) is the table's
              // heading, its columns or its split, or the report's own device: not repeated here,
              // so a folder whose settings do not vary (the published Orin) keeps its tables
              if (value.isEmpty() || taken.contains(n) || Settings.IDENTITY.contains(n)) return;
              String where = v.unstated().contains(n) ? " (where stated)" : "";
              parts.add(inSentence(Settings.header(n)) + " " + value + where);
            });
    return parts.isEmpty() ? "" : "Same for every row: " + String.join(", ", parts) + ".";
  }

  /** {@code Threads} as {@code threads}, but {@code GPU layers} and {@code K cache} as they are. */
  private static String inSentence(String header) {
    boolean keep =
        header.length() > 1 && (Character.isUpperCase(header.charAt(1)) || header.charAt(1) == ' ');
    return keep ? header : Character.toLowerCase(header.charAt(0)) + header.substring(1);
  }

  private static String dash(String s) {
    return s.isEmpty() ? "—" : s;
  }
}
