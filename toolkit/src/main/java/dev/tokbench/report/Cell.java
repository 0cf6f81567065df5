package dev.tokbench.report;

/**
 * One cell of a {@link ReportTable}: its text in two parts so that bold can cover the figure only
 * ({@code **25.59** tok/s}) or all of it ({@code **25.59 ± 0.04**}), and the number it shows for
 * tables that compute further.
 *
 * @param text the part that is bold when {@code bold}
 * @param suffix text after it, never bold (e.g. {@code " tok/s"})
 * @param bold whether the report bolds it
 * @param number the value shown, NaN for text cells
 */
public record Cell(String text, String suffix, boolean bold, double number) {
  public Cell {
    text = text == null ? "" : text;
    suffix = suffix == null ? "" : suffix;
  }

  /** A plain text cell. */
  public static Cell text(String text) {
    return new Cell(text, "", false, Double.NaN);
  }

  /** A number shown as {@code text}. */
  public static Cell number(String text, double value) {
    return new Cell(text, "", false, value);
  }

  /** This cell in bold (its {@link #text} part). */
  public Cell inBold() {
    return new Cell(text, suffix, true, number);
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
