package dev.tokbench.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one part of a llama.cpp log says about memory: all of a log without {@code ==} headers, or
 * one configuration of a log that {@code scripts/gpu/memory-matrix.sh} wrote ({@code ==
 * llama-3.2-1b-Q4_K_M c=4096 ctk=f16 ngl=99 np=1}). A context created twice (llama.cpp's {@code
 * --fit} probe, then the real one) states its buffers twice; the accessors return the last.
 *
 * @param label the header after {@code ==}, or empty
 * @param line where the section starts
 * @param buffers buffer sizes, in log order
 * @param breakdowns rows of memory breakdown tables, in log order
 * @param kvCaches KV cache summary lines
 * @param projections {@code --fit} projections
 * @param failures lines saying the run failed (an allocation failure, a context not created, a
 *     non-zero {@code # exit:}), at most 20, in log order; empty for a run that went through
 */
public record MemorySection(
    String label,
    int line,
    List<MeasuredBuffer> buffers,
    List<MeasuredBreakdown> breakdowns,
    List<MeasuredKvCache> kvCaches,
    List<FitProjection> projections,
    List<String> failures) {
  public MemorySection {
    Objects.requireNonNull(label, "label");
    buffers = List.copyOf(buffers);
    breakdowns = List.copyOf(breakdowns);
    kvCaches = List.copyOf(kvCaches);
    projections = List.copyOf(projections);
    failures = List.copyOf(failures);
  }

  /** True when a line says the run failed. */
  public boolean failed() {
    return !failures.isEmpty();
  }

  /** The last size stated for this buffer ({@code CUDA0}, {@code CPU_Mapped}, ...). */
  public Optional<MeasuredBuffer> buffer(BufferSize.Component c, String name) {
    MeasuredBuffer last = null;
    for (MeasuredBuffer b : buffers) if (b.component() == c && b.buffer().equals(name)) last = b;
    return Optional.ofNullable(last);
  }

  /** The last breakdown row of this device ({@code CUDA0}, {@code Host}). */
  public Optional<MeasuredBreakdown> breakdown(String device) {
    MeasuredBreakdown last = null;
    for (MeasuredBreakdown b : breakdowns) if (b.deviceName().equalsIgnoreCase(device)) last = b;
    return Optional.ofNullable(last);
  }

  /** The first word of the label: the model, as the matrix script names it. */
  public String model() {
    String[] words = label.trim().split("\\s+");
    return words.length == 0 || words[0].contains("=") ? "" : words[0];
  }

  /** The label's {@code key=value} words: {@code c}, {@code ctk}, {@code ngl}, {@code np}. */
  public Map<String, String> settings() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String w : label.trim().split("\\s+")) {
      int eq = w.indexOf('=');
      if (eq > 0) out.put(w.substring(0, eq), w.substring(eq + 1));
    }
    return out;
  }

  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings().get(key));
  }

  @Override
  public String toString() {
    return "MemorySection["
        + (label.isEmpty() ? "(whole log)" : label)
        + ": "
        + buffers.size()
        + " buffers, "
        + breakdowns.size()
        + " breakdown rows, "
        + projections.size()
        + " projections]";
  }
}
