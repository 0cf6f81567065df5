package dev.tokbench.energy;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The energy of some work: a phase of a row, or the whole row.
 *
 * @param seconds time the work ran (the segments' windows summed)
 * @param joules energy over it, gross (what the device drew)
 * @param netJoules {@code joules} less the idle baseline's mean power times {@code seconds}; NaN
 *     without a baseline
 * @param meanW {@code joules / seconds}
 * @param peakW highest total power inside its windows
 * @param idleW the baseline's mean power, NaN without one
 * @param tokens tokens the work processed or generated
 * @param samples readings inside its windows
 * @param flags why the figures are less than exact
 */
public record Energy(
    double seconds,
    double joules,
    double netJoules,
    double meanW,
    double peakW,
    double idleW,
    long tokens,
    int samples,
    Set<EnergyFlag> flags) {
  public Energy {
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
  }

  /** True when no flag was raised. */
  public boolean exact() {
    return flags.isEmpty();
  }

  /** Tokens per joule, gross. */
  public double tokensPerJoule() {
    return tokens / joules;
  }

  /** Joules per token, gross. */
  public double joulesPerToken() {
    return joules / tokens;
  }

  /** Joules per token above idle. */
  public double netJoulesPerToken() {
    return netJoules / tokens;
  }

  /** The flags' codes, comma-separated in a fixed order; empty when exact. */
  public String flagCodes() {
    return flags.stream().sorted().map(EnergyFlag::code).collect(Collectors.joining(","));
  }

  /**
   * The fields of a normalised result row, under the names the results files use: {@code energy_j},
   * {@code energy_net_j}, {@code energy_s}, {@code mean_w}, {@code peak_w}, {@code tok_per_j},
   * {@code j_per_tok}, {@code j_per_tok_net}, {@code energy_samples}, {@code energy_flag}. {@code
   * prefix} ({@code pp_}, {@code tg_}, or empty) tells phases apart.
   */
  public Map<String, String> fields(String prefix) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(prefix + "energy_j", num(joules, "%.3f"));
    f.put(prefix + "energy_net_j", num(netJoules, "%.3f"));
    f.put(prefix + "energy_s", num(seconds, "%.6f"));
    f.put(prefix + "mean_w", num(meanW, "%.2f"));
    f.put(prefix + "peak_w", num(peakW, "%.2f"));
    f.put(prefix + "tok_per_j", num(tokensPerJoule(), "%.4f"));
    f.put(prefix + "j_per_tok", num(joulesPerToken(), "%.6f"));
    f.put(prefix + "j_per_tok_net", num(netJoulesPerToken(), "%.6f"));
    f.put(prefix + "energy_samples", Integer.toString(samples));
    f.put(prefix + "energy_flag", flagCodes());
    return f;
  }

  private static String num(double v, String format) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "";
  }

  @Override
  public String toString() {
    return String.format(
            Locale.ROOT,
            "%.2f J (net %.2f) over %.3f s, %.1f W mean, %.1f W peak, %d tokens, %.4f J/token",
            joules,
            netJoules,
            seconds,
            meanW,
            peakW,
            tokens,
            joulesPerToken())
        + (flags.isEmpty() ? "" : " [" + flagCodes() + "]");
  }
}
