package dev.tokbench.run;

import dev.tokbench.Records;
import dev.tokbench.device.Machine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every launched run lets you set the same way, so that a sweep file and the command line set
 * it in one place: {@link Benchmark#arg}, {@link Benchmark#env} and the rest are copies with one of
 * these changed.
 *
 * @param args more arguments for the benchmark program, after the ones the run builds
 * @param env variables for the process (they override inherited ones), in the order given
 * @param timeout when the process tree is killed and the run recorded as failed; null for the
 *     framework's default
 * @param log a file for both output streams, each line tagged with its stream; null for none
 * @param machine the machine's provenance to put on rows; null to describe it at run time
 * @param stall how long the process may go without output and without CPU or GPU progress before it
 *     is killed and its test recorded as {@code hung}; null for {@link #DEFAULT_STALL}, zero for
 *     never
 * @param energy how the run measures energy; null for {@link EnergySettings#defaults()}
 */
public record RunSettings(
    List<String> args,
    Map<String, String> env,
    Duration timeout,
    Path log,
    Map<String, String> machine,
    Duration stall,
    EnergySettings energy) {
  /**
   * Ten minutes: a test that prints nothing, uses no CPU and leaves its GPU idle that long is
   * stuck; a slow one (a long prompt on a Jetson) keeps its threads or its GPU busy.
   */
  public static final Duration DEFAULT_STALL = Duration.ofMinutes(10);

  /** Nothing set: no extra arguments or variables, default timeout, no log. */
  public static final RunSettings NONE =
      new RunSettings(List.of(), Map.of(), null, null, null, null, null);

  public RunSettings {
    args = List.copyOf(args);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    machine = machine == null ? null : Map.copyOf(machine);
    if (stall != null && stall.isNegative())
      throw new IllegalArgumentException("a stall limit must not be negative, got " + stall);
  }

  /** Settings with the default stall limit and energy measurement. */
  public RunSettings(
      List<String> args,
      Map<String, String> env,
      Duration timeout,
      Path log,
      Map<String, String> machine) {
    this(args, env, timeout, log, machine, null, null);
  }

  /** The stall limit for a process spec: null (never hung) when it is zero. */
  public Duration stallOrDefault() {
    Duration s = stall != null ? stall : DEFAULT_STALL;
    return s.isZero() ? null : s;
  }

  /** The energy settings, or the defaults when none were given. */
  public EnergySettings energyOrDefault() {
    return energy != null ? energy : EnergySettings.defaults();
  }

  /** These settings with {@code more} arguments after the ones already there. */
  public RunSettings plusArgs(List<String> more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(more);
    return Records.with(this, RunSettings::args, all);
  }

  /** These settings with one more variable (replacing one of the same name). */
  public RunSettings plusEnv(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(env);
    all.put(name, value);
    return Records.with(this, RunSettings::env, all);
  }

  /** A copy with one component changed: {@code settings.with(RunSettings::log, file)}. */
  public <T> RunSettings with(Records.Component<RunSettings, T> component, T value) {
    return Records.with(this, component, value);
  }

  /** The timeout, or {@code framework}'s default when none was set. */
  public Duration timeoutOr(Duration frameworkDefault) {
    return timeout != null ? timeout : frameworkDefault;
  }

  /** The machine's provenance: the one given, else {@link Machine#describe()} now. */
  public Map<String, String> machineOrDescribe() {
    return machine != null ? machine : Machine.describe();
  }
}
