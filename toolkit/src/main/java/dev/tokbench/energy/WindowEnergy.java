package dev.tokbench.energy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The energy over one window: per channel and in total (the channels that count towards it,
 * summed).
 *
 * @param window the window asked for
 * @param covered the part of it the trace covers, over which the figures are measured
 * @param samples readings inside the window (the most any channel in the total has)
 * @param joules total energy
 * @param meanW total joules over the covered duration
 * @param peakW highest total power: the channels' powers summed at each sample time
 * @param periodMs the longest median update period among the channels in the total
 * @param channels every channel, in the total or not
 * @param flags why the figure is less than exact; empty when it is not
 */
public record WindowEnergy(
    Window window,
    Window covered,
    int samples,
    double joules,
    double meanW,
    double peakW,
    double periodMs,
    List<ChannelEnergy> channels,
    Set<EnergyFlag> flags) {
  public WindowEnergy {
    channels = List.copyOf(channels);
    flags = Set.copyOf(flags);
  }

  /** A window no sample covers: no figure. */
  public static WindowEnergy notCovered(Window w) {
    return new WindowEnergy(
        w,
        new Window(w.startNs(), w.startNs()),
        0,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        List.of(),
        Set.of(EnergyFlag.NOT_COVERED));
  }

  /** Duration measured, seconds. */
  public double seconds() {
    return covered.seconds();
  }

  /** True when no flag was raised. */
  public boolean exact() {
    return flags.isEmpty();
  }

  /** The flags' codes, comma-separated in a fixed order, as result rows carry them. */
  public String flagCodes() {
    return flags.stream().sorted().map(EnergyFlag::code).collect(Collectors.joining(","));
  }

  @Override
  public String toString() {
    return String.format(
            Locale.ROOT,
            "%.1f J over %.3f s, mean %.1f W, peak %.1f W, %d samples",
            joules,
            seconds(),
            meanW,
            peakW,
            samples)
        + (flags.isEmpty() ? "" : " [" + flagCodes() + "]");
  }
}
