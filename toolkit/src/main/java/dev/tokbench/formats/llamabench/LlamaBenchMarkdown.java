package dev.tokbench.formats.llamabench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads llama-bench's Markdown table ({@code -o md}, the default, often on stderr after log lines).
 *
 * <p>The table is lossy, and this reader says so rather than guessing: {@code size} and {@code
 * params} are rounded ({@code 967.00 MiB}, {@code 1.24 B}) and kept as text in {@code md_size} and
 * {@code md_params}; {@code t/s} is {@code mean ± stddev} to two decimals; there are no samples;
 * columns at their default value are not printed at all (llama-bench's {@code print_header}), so an
 * absent {@code fa} column means "the default of that version", not "off".
 */
final class LlamaBenchMarkdown {
  private static final Pattern SEPARATOR = Pattern.compile("^\\|(\\s*-+:?\\s*\\|)+\\s*$");
  private static final Pattern TEST =
      Pattern.compile("^(?:pp(\\d+))?(?:\\+?tg(\\d+))?(?: @ d(\\d+))?$");
  private static final Pattern TS = Pattern.compile("^([0-9.eE+-]+)\\s*±\\s*([0-9.eE+-]+)$");
  private static final Pattern BUILD = Pattern.compile("^build: (.*) \\((-?\\d+)\\)\\s*$");

  // llama-bench's get_field_display_name, reversed
  private static final Map<String, String> FIELD_BY_DISPLAY_NAME =
      Map.ofEntries(
          Map.entry("ngl", "n_gpu_layers"),
          Map.entry("sm", "split_mode"),
          Map.entry("threads", "n_threads"),
          Map.entry("nkvo", "no_kv_offload"),
          Map.entry("fa", "flash_attn"),
          Map.entry("lm", "load_mode"),
          Map.entry("mmap", "use_mmap"),
          Map.entry("embd", "embeddings"),
          Map.entry("nopo", "no_op_offload"),
          Map.entry("noh", "no_host"),
          Map.entry("dev", "devices"),
          Map.entry("ts", "tensor_split"),
          Map.entry("ot", "tensor_buft_overrides"),
          Map.entry("fitt", "fit_target"),
          Map.entry("fitc", "fit_min_ctx"),
          Map.entry("model", "model_type"),
          Map.entry("size", "md_size"),
          Map.entry("params", "md_params"),
          Map.entry("backend", "backends"));

  private LlamaBenchMarkdown() {}

  /** Index of the table's header line (the line before a {@code |---|} separator), or -1. */
  static int findHeader(List<String> lines) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).startsWith("|") && SEPARATOR.matcher(lines.get(i + 1)).matches()) return i;
    }
    return -1;
  }

  static List<LlamaBenchRecord> parse(String text, String source) {
    List<String> lines = text.lines().toList();
    int header = findHeader(lines);
    if (header < 0) throw new LlamaBenchFormatException(source, 1, "no Markdown table found");
    List<String> names = cells(lines.get(header)).stream().map(LlamaBenchMarkdown::field).toList();
    Map<String, String> build = build(lines);
    List<LlamaBenchRecord> out = new ArrayList<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      List<String> cells = cells(lines.get(i));
      if (cells.size() != names.size()) {
        throw new LlamaBenchFormatException(
            source, i + 1, "expected " + names.size() + " cells, found " + cells.size());
      }
      Map<String, String> fields = new LinkedHashMap<>(build);
      for (int c = 0; c < names.size(); c++) put(fields, names.get(c), cells.get(c), source, i + 1);
      out.add(new LlamaBenchRecord(fields, LlamaBenchFormat.MD, i + 1));
    }
    return out;
  }

  private static String field(String displayName) {
    return FIELD_BY_DISPLAY_NAME.getOrDefault(displayName, displayName);
  }

  private static List<String> cells(String line) {
    String inner = line.strip();
    // "| a | b |" and "| a | b" alike; a lone "|" is one empty cell
    int end = inner.length() > 1 && inner.endsWith("|") ? inner.length() - 1 : inner.length();
    inner = inner.substring(Math.min(1, end), end);
    List<String> out = new ArrayList<>();
    for (String c : inner.split("\\|", -1)) out.add(c.strip());
    return out;
  }

  private static void put(Map<String, String> f, String name, String value, String src, long ln) {
    if (name.equals("test")) {
      Matcher m = TEST.matcher(value);
      if (value.isEmpty() || !m.matches()) {
        throw new LlamaBenchFormatException(
            src, ln, "test '" + value + "' is not ppN, tgN, ppN+tgN");
      }
      f.put("n_prompt", m.group(1) == null ? "0" : m.group(1));
      f.put("n_gen", m.group(2) == null ? "0" : m.group(2));
      f.put("n_depth", m.group(3) == null ? "0" : m.group(3));
    } else if (name.equals("t/s")) {
      Matcher m = TS.matcher(value);
      if (!m.matches()) {
        throw new LlamaBenchFormatException(src, ln, "t/s '" + value + "' is not 'mean ± stddev'");
      }
      f.put("avg_ts", m.group(1));
      f.put("stddev_ts", m.group(2));
    } else {
      f.put(name, value);
    }
  }

  // "build: 5f2ee1a (6075)" is the table's footer
  private static Map<String, String> build(List<String> lines) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher b = BUILD.matcher(line);
      if (b.matches()) {
        m.put("build_commit", b.group(1));
        m.put("build_number", b.group(2));
      }
    }
    return m;
  }
}
