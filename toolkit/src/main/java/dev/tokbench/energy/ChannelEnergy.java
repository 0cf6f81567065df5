package dev.tokbench.energy;

import java.util.Locale;

/**
 * One channel's energy over a window.
 *
 * @param channel the channel ({@code gpu0}, {@code VDD_IN}, {@code package-0})
 * @param source the source that read it
 * @param inTotal whether it counts towards the total
 * @param samples readings inside the window
 * @param joules energy over the part of the window the channel covers
 * @param meanW joules over that part's duration (a time-weighted mean)
 * @param peakW highest power read inside the window
 * @param periodMs the channel's median update period
 * @param counter true when the joules are an energy counter's difference, false when they are the
 *     trapezoidal integral of power samples
 */
public record ChannelEnergy(
    String channel,
    String source,
    boolean inTotal,
    int samples,
    double joules,
    double meanW,
    double peakW,
    double periodMs,
    boolean counter) {
  /** How the joules were obtained, in words. */
  public String method() {
    return counter ? "energy counter difference" : "trapezoidal integration of power samples";
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %.1f J, mean %.1f W, peak %.1f W, %d samples (%s)",
        channel,
        joules,
        meanW,
        peakW,
        samples,
        method());
  }
}
