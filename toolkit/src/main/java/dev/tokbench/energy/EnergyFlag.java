package dev.tokbench.energy;

/**
 * Why an energy figure is less than exact. A flagged figure is still reported, with its flags, so
 * nothing is lost; a table can leave it out or mark it.
 */
public enum EnergyFlag {
  /** The window lasts fewer than {@link #MIN_PERIODS} sample (or counter update) periods. */
  SHORT("short", "window shorter than " + EnergyFlag.MIN_PERIODS + " sample periods"),
  /** Part of the window lies outside the trace: only the part inside was measured. */
  CLIPPED("clipped", "window extends beyond the trace"),
  /** No sample fell inside the window: the figure is interpolated from its neighbours. */
  NO_SAMPLE_INSIDE("no-sample-inside", "no sample inside the window"),
  /** No channel of the trace covers any of the window: there is no figure. */
  NOT_COVERED("not-covered", "the trace does not cover the window"),
  /** The window overlaps the previous row's: they share some joules. */
  OVERLAPS("overlaps", "window overlaps the previous row's"),
  /**
   * The window was inferred from a row's arrival and its measured durations, as if its repetitions
   * ran back to back; the gaps between them (a context reset, a restored KV cache) are not known.
   */
  BACK_TO_BACK("back-to-back", "window inferred as repetitions back to back before the row"),
  /**
   * The power samples inside the window peak below the window's mean power (a power reading that
   * averages over longer than the window lags it: NVML's on Hopper averages over 1 s, while the
   * mean comes from the energy counter); the peak reported is the mean, a lower bound.
   */
  PEAK_IS_MEAN("peak-is-mean", "power samples peak below the mean: peak reported as the mean");

  /** A window must last at least this many periods to be reported unflagged. */
  public static final int MIN_PERIODS = 5;

  private final String code;
  private final String meaning;

  EnergyFlag(String code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The short name used in result rows ({@code energy_flag}), e.g. {@code short}. */
  public String code() {
    return code;
  }

  /** What it means, for a person. */
  public String meaning() {
    return meaning;
  }
}
