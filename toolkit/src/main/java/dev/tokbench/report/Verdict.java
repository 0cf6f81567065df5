package dev.tokbench.report;

/** Whether a claim of the report's prose follows from the data. */
public enum Verdict {
  HOLDS("holds"),
  PARTLY("partly"),
  DOES_NOT_HOLD("does not hold"),
  /** The data needed is not in the folder (e.g. no tinygrad rows in an H100 run). */
  NOT_CHECKABLE("cannot be checked");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The word used in {@code claims.md}. */
  public String label() {
    return label;
  }
}
