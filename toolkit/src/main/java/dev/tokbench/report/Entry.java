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
 */
public record Entry(String text, String suffix, boolean bold, double number) {
  public Entry {
    text = text == null ? "" : text;
    suffix = suffix == null ? "" : suffix;
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
    return new Entry(text, suffix, true, number);
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
