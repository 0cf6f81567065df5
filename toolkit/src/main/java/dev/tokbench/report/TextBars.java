package dev.tokbench.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart drawn with text in the report's style: one full block {@code █} per unit, then one
 * eighth block ({@code ▏▎▍▌▋▊▉}) for the remainder, so a bar is floor(value × 8) eighths long; the
 * label before the bar and the value after it; longest bar first.
 *
 * <pre>{@code
 * Report.from(dir).bars("decode-1b-q6k").render()
 * }</pre>
 *
 * @param key a stable name, e.g. {@code decode-1b-q6k}
 * @param title the heading, e.g. {@code LLaMA 3.2 1B Instruct Q6_K — Decode Speed}
 * @param unit the unit printed after each value, e.g. {@code tok/s}
 * @param bars the bars, sorted longest first
 * @param perBlock the value one full block stands for: 1 in the report; {@link #of} picks 1, 2, 5,
 *     10, 20, 50 … so that no bar is longer than {@value #MAX_BLOCKS} blocks
 */
public record TextBars(String key, String title, String unit, List<Bar> bars, double perBlock) {
  /** The longest bar {@link #of} allows, in full blocks. */
  public static final int MAX_BLOCKS = 50;

  private static final String EIGHTHS = "▏▎▍▌▋▊▉";
  private static final char FULL = '█';

  public TextBars {
    bars = bars.stream().sorted(Comparator.comparingDouble(Bar::value).reversed()).toList();
    if (!(perBlock > 0)) throw new IllegalArgumentException("perBlock must be > 0: " + perBlock);
  }

  /** A chart whose block stands for the smallest of 1, 2, 5, 10, 20 … that keeps bars short. */
  public static TextBars of(String key, String title, String unit, List<Bar> bars) {
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    double perBlock = 1;
    for (int i = 0; max / perBlock > MAX_BLOCKS; i++) perBlock *= i % 3 == 1 ? 2.5 : 2;
    return new TextBars(key, title, unit, bars, perBlock);
  }

  /**
   * One bar.
   *
   * @param label the text in front of it
   * @param value its value, finite and non-negative
   */
  public record Bar(String label, double value) {
    public Bar {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(label + ": a bar needs a value >= 0, got " + value);
      }
    }

    /** The bar itself at one block per unit, without label or value. */
    public String blocks() {
      return blocks(1);
    }

    /** The bar with one full block per {@code perBlock}. */
    public String blocks(double perBlock) {
      return TextBars.blocks(eighthsFor(value / perBlock));
    }
  }

  /** floor(value × 8), the bar's length in eighths (1e-9 absorbs binary error: 2.95 × 8). */
  public static int eighthsFor(double value) {
    return (int) Math.floor(value * 8 + 1e-9);
  }

  /** The bar of {@code eighths} eighths: full blocks, then at most one eighth block. */
  public static String blocks(int eighths) {
    String full = String.valueOf(FULL).repeat(eighths / 8);
    return eighths % 8 == 0 ? full : full + EIGHTHS.charAt(eighths % 8 - 1);
  }

  /** The length in eighths of a bar drawn with full and eighth blocks. */
  public static int eighths(String bar) {
    int n = 0;
    for (char c : bar.toCharArray()) {
      int part = EIGHTHS.indexOf(c);
      if (c == FULL) n += 8;
      else if (part >= 0) n += part + 1;
      else throw new IllegalArgumentException("'" + c + "' is not a block in '" + bar + "'");
    }
    return n;
  }

  /** The chart as lines of text: label, bar, value and unit, aligned in columns. */
  public String render() {
    int labelWidth = bars.stream().mapToInt(b -> b.label().length()).max().orElse(0);
    int barWidth = bars.stream().mapToInt(b -> b.blocks(perBlock).length()).max().orElse(0);
    int valueWidth = bars.stream().mapToInt(b -> value(b).length()).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (Bar b : bars) {
      out.append(pad(b.label(), labelWidth)).append(' ');
      out.append(pad(b.blocks(perBlock), barWidth)).append(' ');
      out.append(" ".repeat(valueWidth - value(b).length())).append(value(b));
      out.append(' ').append(unit).append('\n');
    }
    return out.toString();
  }

  /** The chart under its title as Markdown: a heading and a fenced block. */
  public String markdown() {
    String scale =
        perBlock == 1 ? "" : "One █ = " + Labels.fixed(perBlock, 0) + " " + unit + ".\n\n";
    return "### " + title + "\n\n" + scale + "```\n" + render() + "```\n";
  }

  private static String value(Bar b) {
    return String.format(Locale.ROOT, "%.2f", b.value());
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  @Override
  public String toString() {
    return title + "\n" + render();
  }
}
