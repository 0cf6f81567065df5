package dev.tokbench.run;

import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A benchmark run as an immutable value: every setter returns a new run and leaves this one as it
 * was, so re-running a notebook cell that adds {@code .arg("-ngl", "99")} to a run made in an
 * earlier cell gives the same command line each time. What every framework's run shares lives in
 * its {@link RunSettings}; {@link #run} launches it.
 *
 * @param <R> the run itself, returned by every setter
 */
public interface Benchmark<R extends Benchmark<R>> {
  /** The settings every run shares. */
  RunSettings settings();

  /** A copy of this run with other shared settings. */
  R settings(RunSettings settings);

  /** Runs it, handing each row to {@code sink} as soon as it is measured; every row at the end. */
  RunResult run(Consumer<BenchResult> sink);

  /** Runs it and returns every row once it ends. */
  default RunResult run() {
    return run(row -> {});
  }

  /** More arguments for the benchmark program, after the ones the run builds. */
  default R arg(String... args) {
    return settings(settings().plusArgs(List.of(args)));
  }

  /** An environment variable for the process, such as {@code CUDA_VISIBLE_DEVICES=0}. */
  default R env(String name, String value) {
    return settings(settings().plusEnv(name, value));
  }

  /** When the process tree is killed and the run recorded as failed. */
  default R timeout(Duration timeout) {
    return settings(settings().with(RunSettings::timeout, timeout));
  }

  /**
   * How long the process may go without output and without CPU or GPU progress before it is killed
   * as hung; zero for never.
   */
  default R stall(Duration quiet) {
    return settings(settings().with(RunSettings::stall, quiet));
  }

  /** How the run measures energy ({@link EnergySettings#OFF} for not at all). */
  default R energy(EnergySettings how) {
    return settings(settings().with(RunSettings::energy, how));
  }

  /** A file for both output streams, each line tagged with its stream; null for none. */
  default R log(Path file) {
    return settings(settings().with(RunSettings::log, file));
  }

  /** The machine's provenance to put on rows, instead of describing it at run time. */
  default R machine(Map<String, String> description) {
    return settings(settings().with(RunSettings::machine, description));
  }
}
