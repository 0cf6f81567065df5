package dev.tokbench.report;

import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import java.util.Locale;

/** How the report names and formats rows: labels, decode tests, fixed-decimal numbers. */
final class Labels {
  private Labels() {}

  /**
   * {@code llama.cpp +FA}, {@code tinygrad JITBEAM=2 warm}, or the label a transcription gives
   * ({@code tinygrad NV=1}).
   */
  static String framework(BenchResult r) {
    String label = r.extra().get("label");
    if (label != null) return label;
    return r.framework() + (r.flashAttn() == FlashAttention.ON ? " +FA" : "") + phase(r);
  }

  /** A tinygrad BEAM phase as a label's end ({@code JITBEAM=2 warm}, {@code cold}), or empty. */
  static String phase(BenchResult r) {
    return BeamPhase.of(r)
        .map(
            p -> {
              String width = r.flags().get(BeamPhase.WIDTH_FLAG);
              return (width == null ? "" : " JITBEAM=" + width) + " " + p.label();
            })
        .orElse("");
  }

  /** True for a token-generation measurement ({@code tg128}, tinygrad's decode loop). */
  static boolean decode(BenchResult r) {
    return r.ok() && r.nDepth() == 0 && (r.test().startsWith("tg") || r.test().equals("decode"));
  }

  /** True for a prompt-processing measurement ({@code pp512}). */
  static boolean prefill(BenchResult r) {
    return r.ok() && r.nDepth() == 0 && r.test().startsWith("pp") && r.nGen() == 0;
  }

  /** {@code value} with {@code decimals} decimals, always with a dot. */
  static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /**
   * The model bytes a row reads per token: the inventory's stated size, else the row's own (from
   * llama-bench), else that of another row of the same model and quantization in the folder (a
   * tinygrad log names no size; llama-bench's row of the same file does); null when none has it.
   */
  static Bytes weights(DataFolder data, BenchResult r) {
    return data.model(r)
        .map(ModelEntry::size)
        .or(() -> bytes(r))
        .or(
            () ->
                data.results().stream()
                    .filter(o -> o.model().equals(r.model()) && o.quant().equals(r.quant()))
                    .flatMap(o -> bytes(o).stream())
                    .findFirst())
        .orElse(null);
  }

  private static java.util.Optional<Bytes> bytes(BenchResult r) {
    return r.modelBytes() > 0
        ? java.util.Optional.of(new Bytes(r.modelBytes()))
        : java.util.Optional.empty();
  }

  /** The inventory's label, else {@code model quant}. */
  static String chartLabel(DataFolder data, BenchResult r) {
    return data.model(r).map(ModelEntry::chartLabel).orElse(r.model() + " " + r.quant());
  }

  /** The bandwidth table's model label, else {@code model quant}. */
  static String tableLabel(DataFolder data, BenchResult r) {
    return data.model(r).map(ModelEntry::tableLabel).orElse(r.model() + " " + r.quant());
  }

  /** The inventory's display name, else the result's model. */
  static String displayName(DataFolder data, BenchResult r) {
    return data.model(r).map(ModelEntry::displayName).orElse(r.model());
  }
}
