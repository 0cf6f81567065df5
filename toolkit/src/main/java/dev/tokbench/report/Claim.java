package dev.tokbench.report;

/**
 * One quantitative claim of the report's prose, recomputed from data.
 *
 * @param id a stable key, e.g. {@code fa-prefill-gain}
 * @param section where the report makes it
 * @param quote the claim in the report's words
 * @param computed what the data gives, with the figures
 * @param verdict holds, partly, does not hold, or cannot be checked
 */
public record Claim(String id, String section, String quote, String computed, Verdict verdict) {
  public Claim {
    if (id == null || id.isBlank() || verdict == null) {
      throw new IllegalArgumentException("a claim needs an id and a verdict");
    }
  }

  /** A claim whose data is missing from the folder. */
  static Claim unchecked(String id, String section, String quote, String missing) {
    return new Claim(id, section, quote, "no data: " + missing, Verdict.NOT_CHECKABLE);
  }

  @Override
  public String toString() {
    return id + ": " + verdict.label() + " (" + computed + ")";
  }
}
