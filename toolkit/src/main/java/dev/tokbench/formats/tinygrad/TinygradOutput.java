package dev.tokbench.formats.tinygrad;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads tinygrad's llama3.py benchmark output line by line (as it streams, or from a saved log):
 * the {@code loaded weights} line and each token's {@code enqueue in} and {@code total} lines.
 * Everything else is ignored: tqdm frames, the generated text (which can contain anything, but a
 * timing line must match tinygrad's format from its first character to its last), kernel lines
 * under {@code DEBUG}. ANSI colour codes are removed first.
 */
public final class TinygradOutput {
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
  private static final String NUM = "([0-9]+(?:\\.[0-9]+)?)";
  // Timing("enqueue in ", on_exit=...): "{ms:6.2f} ms" then, under DEBUG, ", x ms on GPU" (>=2),
  // ", x GOPS, x GB" and ", x GB/s, param x GB/s" (>=2)
  private static final Pattern ENQUEUE =
      Pattern.compile("^enqueue in\\s+" + NUM + " ms(?:, " + NUM + " ms on GPU)?(?:, .*)?$");
  private static final Pattern TOTAL =
      Pattern.compile(
          "^total\\s+" + NUM + " ms, " + NUM + " tok/s, " + NUM + " GB/s, param " + NUM + " GB/s$");
  private static final Pattern LOADED =
      Pattern.compile(
          "^loaded weights in\\s+" + NUM + " ms, " + NUM + " GB loaded at " + NUM + " GB/s$");

  private final List<TinygradToken> tokens = new ArrayList<>();
  private double enqueueMs = Double.NaN;
  private double gpuMs = Double.NaN;
  private Load load = Load.NONE;

  /**
   * The {@code loaded weights in … ms, … GB loaded at … GB/s} line: tinygrad dequantizes GGUF on
   * load, so more gigabytes than the file holds.
   *
   * @param ms milliseconds to load the weights
   * @param gb gigabytes loaded
   * @param gbPerS load speed as printed
   */
  public record Load(double ms, double gb, double gbPerS) {
    /** No load line was printed. */
    public static final Load NONE = new Load(Double.NaN, Double.NaN, Double.NaN);

    /** True when the line was printed. */
    public boolean printed() {
      return !Double.isNaN(gb);
    }
  }

  /** Parses a whole saved output (stdout or the interleaved log); {@code \r} also ends a line. */
  public static TinygradOutput parse(String text) {
    TinygradOutput out = new TinygradOutput();
    for (String line : text.split("\r\n|\r|\n")) out.accept(line);
    return out;
  }

  /** Feeds one line. */
  public void accept(String raw) {
    String line = raw.indexOf('\u001B') >= 0 ? ANSI.matcher(raw).replaceAll("") : raw;
    if (line.startsWith("enqueue in")) {
      Matcher m = ENQUEUE.matcher(line.stripTrailing());
      if (m.matches()) {
        enqueueMs = number(m, 1);
        gpuMs = m.group(2) == null ? Double.NaN : number(m, 2);
      }
    } else if (line.startsWith("total")) {
      Matcher m = TOTAL.matcher(line.stripTrailing());
      if (m.matches()) token(m);
    } else if (line.startsWith("loaded weights")) {
      Matcher m = LOADED.matcher(line.stripTrailing());
      if (m.matches()) load = new Load(number(m, 1), number(m, 2), number(m, 3));
    }
  }

  /**
   * True when the text is llama3.py's output: a {@code loaded weights}, {@code enqueue in} or
   * {@code total} line in tinygrad's format, or a traceback through {@code examples/llama3.py} (a
   * run that failed before its first token, such as the report's {@code CUDA=1} refused by v0.13).
   */
  public static boolean recognises(String text) {
    TinygradOutput probe = new TinygradOutput();
    for (String line : text.split("\r\n|\r|\n")) {
      if (line.contains("examples/llama3.py\", line ")) return true;
      probe.accept(line);
      boolean timed = probe.load.printed() || !Double.isNaN(probe.enqueueMs);
      if (timed || !probe.tokens.isEmpty()) return true;
    }
    return false;
  }

  /** A token line; one whose time or rate is 0 or overflows a double was not timed by tinygrad. */
  private void token(Matcher m) {
    double totalMs = number(m, 1);
    double tokensPerS = number(m, 2);
    if (totalMs > 0 && tokensPerS > 0 && Double.isFinite(totalMs + tokensPerS)) {
      tokens.add(
          new TinygradToken(enqueueMs, totalMs, tokensPerS, number(m, 3), number(m, 4), gpuMs));
    }
    enqueueMs = Double.NaN;
    gpuMs = Double.NaN;
  }

  /** Every timed token, in order, warm-up included. */
  public List<TinygradToken> tokens() {
    return List.copyOf(tokens);
  }

  /** The weights' load, {@link Load#NONE} if the line was not printed. */
  public Load load() {
    return load;
  }

  private static double number(Matcher m, int group) {
    return Double.parseDouble(m.group(group));
  }

  @Override
  public String toString() {
    return tokens.size() + " tokens" + (load.printed() ? ", " + load.gb() + " GB loaded" : "");
  }
}
