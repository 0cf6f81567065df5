package dev.tokbench.report;

/**
 * One bar of a text bar chart as the report drew it by hand, transcribed in {@code ascii-bars.csv},
 * to compare with the bar computed from its value.
 *
 * @param chart the chart's key, e.g. {@code decode-1b-q6k}
 * @param label the label in front of the bar
 * @param value the value printed after it
 * @param drawn the bar as drawn: full blocks and at most one eighth block
 */
public record DrawnBar(String chart, String label, double value, String drawn) {
  public DrawnBar {
    if (!drawn.matches("█*[▏▎▍▌▋▊▉]?")) {
      throw new IllegalArgumentException("'" + drawn + "' is not a bar of blocks");
    }
  }

  /** The drawn length in eighths of a unit. */
  public int drawnEighths() {
    return TextBars.eighths(drawn);
  }

  /** The length the rule gives: floor(value × 8) eighths. */
  public int ruleEighths() {
    return TextBars.eighthsFor(value);
  }

  /** Drawn minus rule, in eighths. */
  public int deviation() {
    return drawnEighths() - ruleEighths();
  }
}
