package dev.tokbench.memory;

import dev.tokbench.memory.BufferSize.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the memory lines of a llama.cpp log, one line at a time, into sections. A line is matched
 * by the llama.cpp function that printed it, wherever the log's own prefix (a timestamp and level,
 * llama-server's module tag) puts it. A line from one of those functions that names a buffer size,
 * a breakdown row or a projection but does not read as one is an error naming the line: a silently
 * skipped buffer would make a wrong total.
 */
final class MemoryLogParser {
  /** Memory lines kept per log: a log that states more is not a llama.cpp log. */
  static final int MAX_ITEMS = 100_000;

  private static final Pattern FUNCTION = Pattern.compile("(?:^|\\s)(~?[A-Za-z_]\\w*): (.*)$");
  private static final String MIB = "\\s*([0-9]+(?:\\.[0-9]+)?) MiB";
  private static final Pattern BUFFER =
      Pattern.compile("^\\s*(\\S+)\\s+(model|KV|compute|output) buffer size =" + MIB + "\\s*$");
  private static final Pattern BUFFER_AT_EXIT =
      Pattern.compile(
          "^\\s*(\\S+) compute buffer size"
              + " (?:is|of)"
              + MIB
              + ",? (?:matches|does not match) expectation of"
              + MIB
              + "\\s*$");
  private static final Pattern KV_SIZE =
      Pattern.compile(
          "^\\s*size ="
              + MIB
              + " \\(\\s*(\\d+)"
              + " cells,\\s*(\\d+) layers,\\s*(\\d+)/\\s*(\\d+) seqs\\), K \\((\\w+)\\):"
              + MIB
              + ", V \\((\\w+)\\):"
              + MIB
              + "\\s*$");
  private static final Pattern GPU_ROW =
      Pattern.compile(
          "^\\|\\s*- (.+?)\\s*\\|\\s*(\\d+) =\\s*(\\d+) \\+ \\(\\s*(\\d+) =\\s*(\\d+)"
              + " \\+\\s*(\\d+) \\+\\s*(\\d+)\\) \\+\\s*(-?\\d+) \\|\\s*$");
  private static final Pattern OTHER_ROW =
      Pattern.compile(
          "^\\|\\s*- (.+?)\\s*\\|\\s*(\\d+) =\\s*(\\d+) \\+\\s*(\\d+) \\+\\s*(\\d+)\\s*\\|\\s*$");
  private static final Pattern PROJECTED =
      Pattern.compile(
          "^projected to use (\\d+) MiB of"
              + " (device|host) memory vs\\. (\\d+) MiB of (?:free device|total host) memory\\s*$");
  private static final Pattern FIT_DEVICE =
      Pattern.compile(
          "^\\s*- (\\S+):\\s*(\\d+) layers,\\s*(-?\\d+) MiB used,\\s*(-?\\d+) MiB free\\s*$");
  private static final Set<String> BUFFER_FUNCTIONS =
      Set.of("load_tensors", "llama_kv_cache", "sched_reserve", "llama_context", "~llama_context");

  /** Any function's buffer line: older llama.cpp printed them from other functions. */
  private static final Pattern LOOKS_LIKE_BUFFER =
      Pattern.compile("^\\s*\\S+\\s+(?:model |KV |compute |output )?buffer size\\b");

  /**
   * A line saying the run failed, kept so that a log of a failed run never reads as a measurement:
   * a CUDA/host allocation failure, a context or model llama.cpp could not make, or a non-zero
   * {@code # exit:} the matrix scripts write.
   */
  private static final Pattern FAILURE =
      Pattern.compile(
          "out of memory|cudaMalloc failed|failed to allocate|insufficient memory|bad_alloc"
              + "|failed to create context|failed to load model|failed to initialize|GGML_ASSERT"
              + "|^# exit: [1-9]");

  /** Failure lines kept per section. */
  private static final int MAX_FAILURES = 20;

  /** Before 2025 the weights' line had no "model": {@code llm_load_tensors: CUDA0 buffer size}. */
  private static final Pattern OLD_MODEL_BUFFER =
      Pattern.compile("^\\s*(\\S+) buffer size =" + MIB + "\\s*$");

  private final String source;
  private final List<MemorySection> sections = new ArrayList<>();
  private Section current = new Section("", 1);
  private int items;

  MemoryLogParser(String source) {
    this.source = source;
  }

  /** One section being read. */
  private static final class Section {
    final String label;
    final int line;
    final List<MeasuredBuffer> buffers = new ArrayList<>();
    final List<MeasuredBreakdown> rows = new ArrayList<>();
    final List<MeasuredKvCache> kv = new ArrayList<>();
    final List<FitProjection> fits = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    Section(String label, int line) {
      this.label = label;
      this.line = line;
    }

    boolean isEmpty() {
      return buffers.isEmpty() && rows.isEmpty() && kv.isEmpty() && fits.isEmpty();
    }

    MemorySection done() {
      return new MemorySection(label, line, buffers, rows, kv, fits, failures);
    }
  }

  void line(String text, int n, boolean truncated) {
    if (text.startsWith("== ")) {
      close(false);
      current = new Section(text.substring(3).trim(), n);
      return;
    }
    if (current.failures.size() < MAX_FAILURES && FAILURE.matcher(text).find()) {
      current.failures.add(abbreviate(text));
    }
    Matcher f = FUNCTION.matcher(text);
    if (!f.find()) return;
    String function = f.group(1);
    String rest = f.group(2);
    if (!claims(function, rest)) return;
    if (truncated)
      throw error(
          n, "the line is longer than the " + MemoryLog.MAX_LINE_CHARS + " characters read");
    boolean read;
    try {
      read = read(function, rest, n);
    } catch (NumberFormatException e) { // digits the pattern took, too many for a long or an int
      throw error(n, "a number too large in this " + function + " line: " + abbreviate(text));
    }
    if (!read) throw error(n, "cannot read this " + function + " line: " + abbreviate(text));
    if (++items > MAX_ITEMS) throw error(n, "more than " + MAX_ITEMS + " memory lines");
  }

  /** Whether the line is one of the memory lines this parser must read. */
  private static boolean claims(String function, String rest) {
    if (BUFFER_FUNCTIONS.contains(function) && rest.contains(" buffer size")) return true;
    if (LOOKS_LIKE_BUFFER.matcher(rest).find()) return true;
    if (function.equals("llama_kv_cache") && rest.trim().startsWith("size =")) return true;
    if (function.endsWith("memory_breakdown_print")) return rest.startsWith("|");
    return function.endsWith("_fit_impl")
        && (rest.startsWith("projected to use") || FIT_DEVICE.matcher(rest).matches());
  }

  private boolean read(String function, String rest, int n) {
    if (function.endsWith("memory_breakdown_print")) return row(rest, n);
    if (function.endsWith("_fit_impl")) return projection(rest, n);
    if (rest.trim().startsWith("size =")) return kvSize(rest, n);
    Matcher m = BUFFER.matcher(rest);
    if (m.matches()) {
      current.buffers.add(
          new MeasuredBuffer(
              component(m.group(2)), m.group(1), Double.parseDouble(m.group(3)), function, n));
      return true;
    }
    m = OLD_MODEL_BUFFER.matcher(rest);
    if (m.matches() && function.endsWith("load_tensors")) {
      current.buffers.add(
          new MeasuredBuffer(
              Component.MODEL, m.group(1), Double.parseDouble(m.group(2)), function, n));
      return true;
    }
    m = BUFFER_AT_EXIT.matcher(rest);
    if (!m.matches()) return false;
    current.buffers.add(
        new MeasuredBuffer(
            Component.COMPUTE, m.group(1), Double.parseDouble(m.group(2)), function, n));
    return true;
  }

  private static Component component(String word) {
    return switch (word) {
      case "model" -> Component.MODEL;
      case "KV" -> Component.KV;
      case "compute" -> Component.COMPUTE;
      default -> Component.OUTPUT;
    };
  }

  private boolean kvSize(String rest, int n) {
    Matcher m = KV_SIZE.matcher(rest);
    if (!m.matches()) return false;
    current.kv.add(
        new MeasuredKvCache(
            Double.parseDouble(m.group(1)),
            Long.parseLong(m.group(2)),
            Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5)),
            m.group(6),
            Double.parseDouble(m.group(7)),
            m.group(8),
            Double.parseDouble(m.group(9)),
            n));
    return true;
  }

  private boolean row(String rest, int n) {
    if (rest.startsWith("| memory breakdown")) return true;
    Matcher g = GPU_ROW.matcher(rest);
    if (g.matches()) {
      current.rows.add(
          new MeasuredBreakdown(
              g.group(1),
              some(g.group(2)),
              some(g.group(3)),
              num(g.group(4)),
              num(g.group(5)),
              num(g.group(6)),
              num(g.group(7)),
              some(g.group(8)),
              n));
      return true;
    }
    Matcher o = OTHER_ROW.matcher(rest);
    if (!o.matches()) return false;
    current.rows.add(
        new MeasuredBreakdown(
            o.group(1),
            OptionalLong.empty(),
            OptionalLong.empty(),
            num(o.group(2)),
            num(o.group(3)),
            num(o.group(4)),
            num(o.group(5)),
            OptionalLong.empty(),
            n));
    return true;
  }

  private boolean projection(String rest, int n) {
    Matcher p = PROJECTED.matcher(rest);
    if (p.matches()) {
      current.fits.add(
          new FitProjection(p.group(2), OptionalInt.empty(), num(p.group(1)), num(p.group(3)), n));
      return true;
    }
    Matcher d = FIT_DEVICE.matcher(rest);
    if (!d.matches()) return false;
    current.fits.add(
        new FitProjection(
            d.group(1),
            OptionalInt.of(Integer.parseInt(d.group(2))),
            num(d.group(3)),
            num(d.group(4)),
            n));
    return true;
  }

  private static long num(String s) {
    return Long.parseLong(s);
  }

  private static OptionalLong some(String s) {
    return OptionalLong.of(Long.parseLong(s));
  }

  private MemoryLogException error(int line, String message) {
    return new MemoryLogException(source, line, message);
  }

  private static String abbreviate(String text) {
    String t = text.strip();
    return t.length() <= 160 ? t : t.substring(0, 157) + "...";
  }

  /** Ends the current section; an empty one before the first header is dropped. */
  private void close(boolean last) {
    if (!current.isEmpty() || !current.label.isEmpty() || (last && sections.isEmpty())) {
      sections.add(current.done());
    }
  }

  List<MemorySection> finish() {
    close(true);
    return List.copyOf(sections);
  }
}
