package dev.tokbench.formats.llamabench;

import dev.tokbench.results.BenchResult;
import java.util.Map;

/**
 * llama-bench's {@code -o jsonl} read as it streams from a running llama-bench, one line (one
 * finished test) at a time. Values equal to the previous line's share its string: consecutive tests
 * differ in a few fields, and the rows of a long run are all kept, so most values are stored once.
 */
public final class LlamaBenchLines {
  private final String source;
  private Map<String, String> previous = Map.of();

  /** Lines of {@code source} (named in error messages, e.g. {@code llama-bench stdout}). */
  public LlamaBenchLines(String source) {
    this.source = source;
  }

  /**
   * The row of line {@code lineNo}, with the launch's {@code provenance}.
   *
   * @throws LlamaBenchFormatException when the line is not one test as a JSON object
   */
  public BenchResult row(String line, long lineNo, Map<String, String> provenance) {
    Map<String, String> fields = LlamaBenchParsers.jsonLineFields(line, source, lineNo);
    fields.replaceAll(this::sameAsBefore);
    previous = fields;
    LlamaBenchRecord r = new LlamaBenchRecord(fields, LlamaBenchFormat.JSONL, lineNo);
    return LlamaBenchOutput.toResult(r, source, provenance);
  }

  private String sameAsBefore(String field, String value) {
    String before = previous.get(field);
    return value.equals(before) ? before : value;
  }

  @Override
  public String toString() {
    return "llama-bench jsonl lines of " + source;
  }
}
