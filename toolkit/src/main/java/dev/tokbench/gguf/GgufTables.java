package dev.tokbench.gguf;

import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tablesaw views of tensor infos. */
final class GgufTables {
  private GgufTables() {}

  /** One row per tensor: name, type, dims, elements, bytes (missing for unknown types), offset. */
  static Table tensors(String title, List<TensorInfo> tensors) {
    StringColumn name = StringColumn.create("name");
    StringColumn type = StringColumn.create("type");
    StringColumn dims = StringColumn.create("dims");
    LongColumn elements = LongColumn.create("elements");
    LongColumn bytes = LongColumn.create("bytes");
    LongColumn offset = LongColumn.create("offset");
    for (TensorInfo t : tensors) {
      name.append(t.name());
      type.append(t.typeName());
      dims.append(t.dims().toString());
      elements.append(t.elements());
      if (t.hasKnownType()) bytes.append(t.bytes());
      else bytes.appendMissing();
      offset.append(t.fileOffset());
    }
    return Table.create(title, name, type, dims, elements, bytes, offset);
  }
}
