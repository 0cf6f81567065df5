package dev.tokbench.report;

import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.gguf.GgmlType;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The look-ups a claims file may name, each a figure of the folder: a row's tok/s by model, test,
 * framework, backend and flash attention; a model's weights, size or parameters; a quoted figure;
 * the device's bandwidth; and what the rows say as a whole (frameworks, fastest, largest standard
 * deviation, repetitions, ...). A look-up the folder cannot answer is null: the claim is then
 * "cannot be checked" (or, for an optional figure, the text that needs it is left out).
 */
final class ClaimFigures {
  /** The first key of a look-up, which says what it is. */
  static final Set<String> KINDS =
      Set.of(
          "speed",
          "weights",
          "size",
          "parameters",
          "quoted",
          "number",
          "bits_per_weight",
          "device",
          "frameworks",
          "rows",
          "fastest",
          "smallest",
          "largest_stddev",
          "printed_bandwidth",
          "estimated_bandwidth",
          "repetitions",
          "tests",
          "sized_as_named",
          "ms_per_token");

  /** The values a kind's key takes, where it takes a closed set (checked when the file is read). */
  static final Map<String, Set<String>> VALUES =
      Map.of(
          "speed", Set.of("decode", "prefill"),
          "fa", Set.of("on", "off"),
          "device", Set.of("theoretical", "practical", "catalogue"),
          "frameworks", Set.of("all", "names", "measured", "not_installed"),
          "largest_stddev", Set.of("decode", "prefill"),
          "ms_per_token", Set.of("rows", "disagreeing"),
          "bits_per_weight",
              java.util.Arrays.stream(GgmlType.values())
                  .map(Enum::name)
                  .collect(java.util.stream.Collectors.toSet()));

  /** Every key a look-up may have. */
  static final Set<String> KEYS =
      union(KINDS, Set.of("model", "framework", "backend", "fa", "optional"));

  private final DataFolder data;
  private final Lookup find;
  private final RowFigures rows;

  ClaimFigures(DataFolder data) {
    this.data = data;
    this.find = new Lookup(data);
    this.rows = new RowFigures(data);
  }

  /** The figure {@code spec} names (its keys already filled in), or null when there is none. */
  ClaimValue of(Map<String, String> spec) {
    String kind = spec.keySet().stream().filter(KINDS::contains).findFirst().orElseThrow();
    String arg = spec.get(kind);
    return switch (kind) {
      case "speed" -> speed(spec);
      case "weights" -> bytes(find.weights(arg).orElse(null));
      case "size" ->
          bytes(
              data.models().stream()
                  .filter(m -> m.chartLabel().equals(arg))
                  .map(ModelEntry::size)
                  .filter(java.util.Objects::nonNull)
                  .findFirst()
                  .orElse(null));
      case "parameters" -> find.parameters(arg).map(n -> ClaimValue.of(n)).orElse(null);
      case "quoted" ->
          data.quotedFigure(arg)
              .map(q -> ClaimValue.of(q.value()).with("quote", q.quote()))
              .orElse(null);
      case "number" -> number(arg);
      case "bits_per_weight" ->
          VALUES.get(kind).contains(arg)
              ? ClaimValue.of(GgmlType.valueOf(arg).bitsPerWeight())
              : null;
      case "device" -> rows.device(arg);
      case "frameworks" -> rows.frameworks(arg);
      case "fastest" -> fastest(spec);
      case "smallest" -> smallest();
      default -> rows.of(kind, arg, spec.get("framework"));
    };
  }

  private ClaimValue speed(Map<String, String> spec) {
    Predicate<BenchResult> test =
        switch (spec.get("speed")) {
          case "decode" -> Labels::decode;
          case "prefill" -> Labels::prefill;
          default -> r -> false;
        };
    String label = spec.get("model");
    String framework = spec.get("framework");
    String backend = spec.get("backend");
    String f = spec.get("fa");
    if (f != null && !VALUES.get("fa").contains(f)) return null; // a {placeholder} filled oddly
    FlashAttention fa = f == null ? null : FlashAttention.parse(f);
    return find
        .rows(
            r ->
                test.test(r)
                    && (framework == null || r.framework().equals(framework))
                    && (backend == null || r.backend().equals(backend))
                    && (fa == null || r.flashAttn() == fa)
                    && (label == null || Labels.chartLabel(data, r).equals(label)))
        .stream()
        .findFirst()
        .map(r -> ClaimValue.of(r.tokensPerSMean()))
        .orElse(null);
  }

  private ClaimValue fastest(Map<String, String> spec) {
    String framework = spec.get("framework");
    return find
        .rows(r -> Labels.decode(r) && (framework == null || r.framework().equals(framework)))
        .stream()
        .max(Comparator.comparingDouble(BenchResult::tokensPerSMean))
        .map(r -> ClaimValue.of(r.tokensPerSMean()).with("label", Labels.chartLabel(data, r)))
        .orElse(null);
  }

  private ClaimValue smallest() {
    return data.models().stream()
        .filter(m -> m.size() != null)
        .min(Comparator.comparingDouble(m -> m.size().bytes()))
        .map(m -> bytes(m.size()).with("label", m.chartLabel()))
        .orElse(null);
  }

  /** A constant; null when a filled-in placeholder made it no number. */
  static ClaimValue number(String text) {
    try {
      return ClaimValue.of(Double.parseDouble(text), text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static ClaimValue bytes(Bytes b) {
    return b == null ? null : ClaimValue.of(b.bytes(), b.toString());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> out = new java.util.HashSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }
}
