package dev.tokbench.formats.llamabench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One test as llama-bench printed it: every field by llama-bench's own name, as text, in printed
 * order. JSON arrays ({@code samples_ns}, {@code samples_ts}) are joined by {@code ;}; JSON
 * booleans are {@code true}/{@code false}, CSV and SQL print them as {@code 1}/{@code 0}.
 *
 * @param fields field name to printed value
 * @param format the output format it came from
 * @param line 1-based line where the test starts in its source
 */
public record LlamaBenchRecord(Map<String, String> fields, LlamaBenchFormat format, long line) {
  public LlamaBenchRecord {
    Objects.requireNonNull(format, "format");
    fields =
        Collections.unmodifiableMap(
            fields instanceof Parsed ? fields : new LinkedHashMap<>(fields));
  }

  /**
   * A field map a parser built and hands over, never written again: wrapped instead of copied, as a
   * running llama-bench streams thousands of records.
   */
  static final class Parsed extends LinkedHashMap<String, String> {
    Parsed() {
      super(64); // llama-bench prints about 45 fields
    }
  }

  /** The printed value of a field, or {@code null} when this version of llama-bench lacks it. */
  public String get(String field) {
    return fields.get(field);
  }

  /** True when the field was printed. */
  public boolean has(String field) {
    return fields.containsKey(field);
  }

  @Override
  public String toString() {
    return format.flag() + " line " + line + ": " + fields.size() + " fields";
  }
}
