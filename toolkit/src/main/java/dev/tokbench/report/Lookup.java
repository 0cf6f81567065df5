package dev.tokbench.report;

import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.results.BenchResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds a folder's measured rows and model facts by what the prose calls a model: its chart label
 * ({@code LLaMA 1B Q6_K}, the same in every folder).
 */
final class Lookup {
  private final DataFolder data;
  private java.util.Map<String, List<BenchResult>> byLabel; // made on first use, in merged order

  Lookup(DataFolder data) {
    this.data = data;
  }

  /** The merged rows of a chart label: one pass over a fleet's rows, not one per look-up. */
  private List<BenchResult> labelled(String chartLabel) {
    if (byLabel == null) {
      byLabel = new java.util.HashMap<>();
      for (BenchResult r : data.merged()) {
        byLabel
            .computeIfAbsent(Labels.chartLabel(data, r), k -> new java.util.ArrayList<>())
            .add(r);
      }
    }
    return byLabel.getOrDefault(chartLabel, List.of());
  }

  /** The weights a model's decode reads: stated size, else llama-bench's model bytes. */
  Optional<Bytes> weights(String chartLabel) {
    return labelled(chartLabel).stream()
        .map(r -> Labels.weights(data, r))
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  /** A model's parameter count from its results or the inventory. */
  Optional<Long> parameters(String chartLabel) {
    return labelled(chartLabel).stream()
        .map(
            r -> r.nParams() > 0 ? r.nParams() : data.model(r).map(ModelEntry::nParams).orElse(-1L))
        .filter(n -> n > 0)
        .findFirst();
  }

  /** Measured rows that match. */
  List<BenchResult> rows(Predicate<BenchResult> p) {
    return data.merged().stream().filter(p).toList();
  }
}
