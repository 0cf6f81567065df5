package dev.tokbench.serve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a serving benchmark measured.
 *
 * @param summaries one per level, in order (levels that could not run are all-failed summaries)
 * @param server what the server said of itself ({@code model}, {@code n_vocab}, llama-server's
 *     {@code total_slots}...), and its command line when it was launched
 * @param failure why the run could not measure at all (the server never became ready); empty
 */
public record ServeRun(List<LevelSummary> summaries, Map<String, String> server, String failure) {
  public ServeRun {
    summaries = List.copyOf(summaries);
    server = Collections.unmodifiableMap(new LinkedHashMap<>(server));
    failure = Objects.requireNonNullElse(failure, "");
  }

  /** True when every request of every level succeeded. */
  public boolean allOk() {
    return failure.isEmpty() && summaries.stream().allMatch(s -> s.errors() == 0);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (!failure.isEmpty()) b.append("failed: ").append(failure).append('\n');
    summaries.forEach(s -> b.append(s).append('\n'));
    return b.toString().stripTrailing();
  }
}
