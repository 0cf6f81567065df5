package dev.tokbench.report;

/**
 * One entry of a {@link ReportTable} (a table cell; "cell" is kept for notebook cells): its text in
 * two parts so that bold can cover the figure only ({@code **25.59** tok/s}) or all of it ({@code
 * **25.59 ± 0.04**}), and the number it shows for tables that compute further.
 *
 * @param text the part that is bold when {@code bold}
 * @param suffix text after it, never bold (e.g. {@code " tok/s"})
 * @param bold whether the report bolds it
 * @param number the value shown, NaN for text entries
 * @param sources the rows the figure comes from ({@code index.html} links each figure to them);
 *     empty for text and for figures of no row
 */
public record Entry(
    String text,
    String suffix,
    boolean bold,
    double number,
    java.util.List<dev.tokbench.results.BenchResult> sources) {
  public Entry {
    text = text == null ? "" : text;
    suffix = suffix == null ? "" : suffix;
    sources = sources == null ? java.util.List.of() : java.util.List.copyOf(sources);
  }

  /** An entry of no row. */
  public Entry(String text, String suffix, boolean bold, double number) {
    this(text, suffix, bold, number, java.util.List.of());
  }

  /** This entry, computed from {@code rows}. */
  public Entry from(dev.tokbench.results.BenchResult... rows) {
    java.util.List<dev.tokbench.results.BenchResult> all = new java.util.ArrayList<>(sources);
    all.addAll(java.util.List.of(rows));
    return new Entry(text, suffix, bold, number, all);
  }

  /** A plain text entry. */
  public static Entry text(String text) {
    return new Entry(text, "", false, Double.NaN);
  }

  /** A number shown as {@code text}. */
  public static Entry number(String text, double value) {
    return new Entry(text, "", false, value);
  }

  /** This entry in bold (its {@link #text} part). */
  public Entry inBold() {
    return new Entry(text, suffix, true, number, sources);
  }

  /** The text without markup. */
  public String plain() {
    return text + suffix;
  }

  /** The text with Markdown bold markers. */
  public String markdown() {
    return (bold && !text.isEmpty() ? "**" + text + "**" : text) + suffix;
  }

  @Override
  public String toString() {
    return markdown();
  }
}
