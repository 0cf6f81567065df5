package dev.tokbench.formats.llamabench;

import java.util.Locale;

/**
 * llama-bench's five output formats ({@code -o csv|json|jsonl|md|sql}), recognised from content so
 * that a saved file needs no name convention.
 */
public enum LlamaBenchFormat {
  JSON,
  JSONL,
  CSV,
  MD,
  SQL;

  /** The spelling llama-bench's {@code -o} takes. */
  public String flag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code json}, {@code jsonl}, {@code csv}, {@code md} (or {@code markdown}), {@code sql}.
   */
  public static LlamaBenchFormat parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("markdown")) return MD;
    for (LlamaBenchFormat f : values()) {
      if (f.flag().equals(t)) return f;
    }
    throw new IllegalArgumentException(
        "unknown llama-bench format '" + text + "', expected json, jsonl, csv, md or sql");
  }

  /**
   * Recognises the format from the text llama-bench printed: a JSON array, one JSON object per
   * line, a CSV header naming {@code build_commit}, a Markdown table (possibly after log lines, as
   * on stderr), or SQL {@code CREATE TABLE}/{@code INSERT INTO llama_bench}.
   *
   * @throws LlamaBenchFormatException when it is none of these
   */
  public static LlamaBenchFormat detect(String text, String source) {
    String t = text.stripLeading();
    if (t.startsWith("[")) return JSON;
    if (t.startsWith("{")) return JSONL;
    if (t.startsWith("CREATE TABLE") || t.startsWith("INSERT INTO")) return SQL;
    String first = t.lines().findFirst().orElse("");
    if (first.contains("build_commit,") || first.contains("avg_ts")) return CSV;
    if (LlamaBenchMarkdown.findHeader(t.lines().toList()) >= 0) return MD;
    throw new LlamaBenchFormatException(
        source,
        1,
        "not llama-bench output: it starts with '"
            + abbreviate(first)
            + "'; expected json, jsonl, csv, md or sql");
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
