package dev.tokbench.cli;

import dev.tokbench.gguf.GgmlType;
import dev.tokbench.gguf.GgufFile;
import dev.tokbench.gguf.GgufModel;
import dev.tokbench.gguf.GgufValue;
import dev.tokbench.gguf.ModelSummary;
import dev.tokbench.gguf.TensorInfo;
import dev.tokbench.gguf.TypeStats;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code gguf inspect} as plain text (like gguf_dump, but the model first) or Markdown. Both are
 * rendered from the same rows so they never disagree.
 */
final class GgufText {
  private final boolean markdown;
  private final StringBuilder out = new StringBuilder();

  private GgufText(boolean markdown) {
    this.markdown = markdown;
  }

  static String render(
      GgufModel model, List<String> problems, boolean tensors, boolean verify, boolean markdown) {
    GgufText t = new GgufText(markdown);
    t.model(model, problems, verify);
    if (tensors) t.tensors(model.tensors());
    return t.out.toString();
  }

  private void model(GgufModel model, List<String> problems, boolean verify) {
    ModelSummary s = model.summary();
    GgufFile f = model.first();
    heading(s.path().getFileName().toString(), 1);
    List<String[]> rows = new ArrayList<>();
    rows.add(row("format", formatLine(model, f)));
    rows.add(row("model", orDash(s.architecture()) + " \"" + s.name() + "\", " + fileType(s)));
    rows.add(row("params", String.format("%,d", s.nParams())));
    rows.add(
        row(
            "tensor bytes",
            String.format("%,d (%.2f bits per weight)", s.tensorBytes(), s.bitsPerWeight())));
    rows.add(row("file bytes", String.format("%,d", s.fileBytes())));
    rows.add(row("shape", shape(s)));
    rows.add(
        row(
            "vocabulary",
            s.vocabSize()
                + " tokens, tokenizer "
                + orDash(s.tokenizerModel())
                + (s.tiedEmbeddings() ? ", tied embeddings" : "")));
    rows.add(
        row(
            "kv cache",
            String.format(
                "%,d bytes/token f16, %,d bytes/token q8_0",
                s.kvBytesPerToken(GgmlType.F16), s.kvBytesPerToken(GgmlType.Q8_0))));
    if (verify || !problems.isEmpty()) {
      rows.add(row("problems", problems.isEmpty() ? "none" : String.join("; ", problems)));
    }
    table(List.of("", ""), rows);
    types(s.types());
    metadata(f);
  }

  private static String formatLine(GgufModel model, GgufFile f) {
    String order = f.byteOrder() == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian";
    String split =
        model.shards().size() + model.missing().size() > 1
            ? ", "
                + model.shards().size()
                + " of "
                + (model.shards().size() + model.missing().size())
                + " shards"
            : "";
    return "GGUF v"
        + f.version()
        + " "
        + order
        + ", "
        + f.tensors().size()
        + " tensors, "
        + f.metadata().size()
        + " keys, alignment "
        + f.alignment()
        + ", data at byte "
        + f.dataOffset()
        + split;
  }

  private static String fileType(ModelSummary s) {
    return s.fileType().isEmpty()
        ? "no file type"
        : s.fileType() + " (" + s.fileTypeDescription() + ")";
  }

  private static String shape(ModelSummary s) {
    return String.format(
        "%d layers, embedding %d, feed-forward %d, %d heads (%d KV), head dim %d, context %d",
        s.blockCount(),
        s.embeddingLength(),
        s.feedForwardLength(),
        s.headCount(),
        s.headCountKv(),
        s.headDim(),
        s.contextLength());
  }

  private void types(List<TypeStats> types) {
    List<String[]> rows = new ArrayList<>();
    for (TypeStats t : types) {
      rows.add(
          new String[] {
            t.type(),
            Long.toString(t.tensors()),
            String.format("%,d", t.params()),
            String.format("%,d", t.bytes()),
            String.format("%.2f", t.bitsPerWeight())
          });
    }
    heading("types", 2);
    table(List.of("type", "tensors", "params", "bytes", "bits/weight"), rows);
  }

  private void metadata(GgufFile f) {
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<String, GgufValue> e : f.metadata().asMap().entrySet()) {
      GgufValue v = e.getValue();
      rows.add(new String[] {e.getKey(), v.typeName(), v.toString()});
    }
    heading("metadata (" + rows.size() + " keys)", 2);
    table(List.of("key", "type", "value"), rows);
  }

  private void tensors(List<TensorInfo> tensors) {
    List<String[]> rows = new ArrayList<>();
    for (TensorInfo t : tensors) {
      rows.add(
          new String[] {
            t.name(),
            t.typeName(),
            t.dims().toString(),
            String.format("%,d", t.elements()),
            t.hasKnownType() ? String.format("%,d", t.bytes()) : "?",
            Long.toString(t.fileOffset())
          });
    }
    heading("tensors (" + rows.size() + ")", 2);
    table(List.of("name", "type", "dims", "elements", "bytes", "offset"), rows);
  }

  private static String[] row(String label, String value) {
    return new String[] {label, value};
  }

  private static String orDash(String s) {
    return s.isEmpty() ? "-" : s;
  }

  private void heading(String title, int level) {
    if (markdown) out.append(level == 1 ? "\n# " : "\n## ").append(title).append("\n\n");
    else out.append(level == 1 ? "" : "\n").append(level == 1 ? title : "  " + title).append('\n');
  }

  /** A Markdown table, or aligned columns indented under the heading. */
  private void table(List<String> header, List<String[]> rows) {
    if (markdown) {
      out.append("| ").append(String.join(" | ", header)).append(" |\n|");
      header.forEach(h -> out.append("---|"));
      out.append('\n');
      for (String[] r : rows) out.append("| ").append(String.join(" | ", escape(r))).append(" |\n");
      return;
    }
    if (header.stream().anyMatch(h -> !h.isEmpty())) {
      rows = new ArrayList<>(rows);
      rows.add(0, header.toArray(new String[0]));
    }
    int[] width = new int[header.size()];
    for (String[] r : rows)
      for (int i = 0; i < r.length - 1; i++) width[i] = Math.max(width[i], r[i].length());
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("    ");
      for (int i = 0; i < r.length; i++) {
        line.append(i < r.length - 1 ? String.format("%-" + width[i] + "s  ", r[i]) : r[i]);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static String[] escape(String[] r) {
    String[] e = new String[r.length];
    for (int i = 0; i < r.length; i++) e[i] = r[i].replace("|", "\\|");
    return e;
  }
}
