package dev.tokbench.memory;

import java.util.Locale;
import java.util.Objects;

/**
 * The estimate of one component of one device beside what llama.cpp measured.
 *
 * @param configuration the log section, e.g. {@code llama-3.2-1b-Q4_K_M c=4096 ctk=f16}
 * @param device {@code CUDA0} or {@code Host}
 * @param component {@code model}, {@code kv}, {@code compute}, or {@code self} (their sum, what the
 *     breakdown table adds up)
 * @param estimatedMib the estimate
 * @param measuredMib llama.cpp's buffer sizes as printed (two decimals; four for compute at exit)
 * @param breakdownMib the breakdown table's whole MiB (rounded down), -1 where it has none
 * @param errorMib estimated - measured
 * @param errorPercent the error relative to the measurement, 0 when both are 0
 * @param withinTarget model and KV: the same whole MiB as the breakdown; compute and self: within 2
 *     % or 32 MiB, whichever is larger
 */
public record ComponentError(
    String configuration,
    String device,
    String component,
    double estimatedMib,
    double measuredMib,
    long breakdownMib,
    double errorMib,
    double errorPercent,
    boolean withinTarget) {
  /** The tolerance of totals: 2 % ... */
  public static final double TARGET_FRACTION = 0.02;

  /** ... or 32 MiB, whichever is larger. */
  public static final double TARGET_MIB = 32;

  public ComponentError {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(component, "component");
  }

  static ComponentError of(
      String configuration,
      String device,
      String component,
      double estimated,
      double measured,
      long breakdown) {
    double error = estimated - measured;
    double percent = measured == 0 ? (estimated == 0 ? 0 : 100) : 100 * error / measured;
    boolean exact = component.equals("model") || component.equals("kv");
    boolean within =
        exact
            ? (breakdown < 0 ? Math.abs(error) < 1 : (long) Math.floor(estimated) == breakdown)
            : Math.abs(error) <= Math.max(TARGET_FRACTION * measured, TARGET_MIB);
    return new ComponentError(
        configuration, device, component, estimated, measured, breakdown, error, percent, within);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s %s %s: estimated %.2f MiB, measured %.2f MiB, error %+.2f" + " MiB (%+.2f %%)%s",
        configuration,
        device,
        component,
        estimatedMib,
        measuredMib,
        errorMib,
        errorPercent,
        withinTarget ? "" : " OUTSIDE TARGET");
  }
}
