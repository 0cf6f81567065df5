package dev.tokbench.synth;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The catalogue of real model shapes ({@code data/synth/shapes.csv}, packaged in the jar): {@code
 * Shapes.named("llama-3.2-1b")}.
 */
public final class Shapes {
  private static final String RESOURCE = "/dev/tokbench/synth/shapes.csv";

  private Shapes() {}

  /**
   * The catalogue shape of this name.
   *
   * @throws UnknownShapeException naming the shapes that exist
   */
  public static ModelShape named(String name) {
    ModelShape s = all().get(name.toLowerCase(java.util.Locale.ROOT));
    if (s == null) throw new UnknownShapeException(name, names());
    return s;
  }

  /** Every catalogue shape's name, in catalogue order. */
  public static List<String> names() {
    return List.copyOf(all().keySet());
  }

  /** Every catalogue shape by name, read afresh from the packaged CSV. */
  public static Map<String, ModelShape> all() {
    try (InputStream in = Shapes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
      Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
      Map<String, ModelShape> out = new LinkedHashMap<>();
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
        ModelShape s = parse(rec);
        out.put(s.name(), s);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ModelShape parse(CSVRecord r) {
    return new ModelShape(
        r.get("name"),
        r.get("arch"),
        Integer.parseInt(r.get("vocab")),
        Integer.parseInt(r.get("embd")),
        Integer.parseInt(r.get("layers")),
        Integer.parseInt(r.get("heads")),
        Integer.parseInt(r.get("kv_heads")),
        Integer.parseInt(r.get("head_dim")),
        Integer.parseInt(r.get("ff")),
        Integer.parseInt(r.get("ctx")),
        Boolean.parseBoolean(r.get("tied_embeddings")),
        Float.parseFloat(r.get("rope_theta")),
        Float.parseFloat(r.get("rms_eps")));
  }
}
