package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The model inventory: the report's table of which file each model is and how large. */
final class ModelsTable {
  private ModelsTable() {}

  /** Model, file, size and frameworks of every model in the inventory with a file name. */
  static Optional<ReportTable> of(DataFolder data) {
    List<List<Entry>> rows = new ArrayList<>();
    for (ModelEntry m : data.models()) {
      if (m.file().isEmpty()) continue;
      rows.add(
          List.of(
              Entry.text(m.displayName() + " " + m.quant()),
              Entry.text("`" + m.file() + "`"),
              size(data, m),
              Entry.text(m.frameworks())));
    }
    if (rows.isEmpty()) return Optional.empty();
    List<String> headers = List.of("Model", "File", "Size", "Architectures Tested");
    return Optional.of(new ReportTable("models", "Model Inventory", headers, rows, ""));
  }

  private static Entry size(DataFolder data, ModelEntry m) {
    dev.tokbench.bandwidth.Bytes b =
        m.size() != null
            ? m.size()
            : data.results().stream()
                .filter(r -> m.is(r.model(), r.quant()) && r.modelBytes() > 0)
                .findFirst()
                .map(r -> new dev.tokbench.bandwidth.Bytes(r.modelBytes()))
                .orElse(null);
    if (b == null) return Entry.text("—");
    double gb = b.in(dev.tokbench.bandwidth.ByteUnit.GB);
    return new Entry(fixed(gb, 2) + " GB", "", false, gb);
  }
}
