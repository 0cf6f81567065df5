package dev.tokbench.device;

import dev.tokbench.process.BackgroundProcess;
import dev.tokbench.process.Executables;
import dev.tokbench.process.ProcessSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jetson's {@code tegrastats}, sampled while a benchmark runs: started with {@code --interval}
 * before the launch, its lines parsed as they come, stopped (process tree killed) after. Where
 * there is no {@code tegrastats} in the run's {@code PATH} (any machine but a Jetson) it does
 * nothing and {@link #drain} is always empty.
 *
 * <pre>{@code
 * try (Tegrastats t = Tegrastats.start(Map.of(), Duration.ofMillis(500))) {
 *   ... run ...
 *   TegraSummary s = t.drain();   // samples since the last drain
 * }
 * }</pre>
 */
public final class Tegrastats implements AutoCloseable {
  /** tegrastats' own default is 1000 ms; a llama-bench test often lasts a second or two. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);

  private final BackgroundProcess process;
  private final List<TegraSample> samples = new ArrayList<>();

  private Tegrastats() {
    this.process = null;
  }

  private Tegrastats(ProcessSpec spec) {
    this.process = BackgroundProcess.start(spec, this::add).orElse(null);
  }

  /**
   * Starts sampling if {@code tegrastats} is in the {@code PATH} of {@code env} (else this JVM's);
   * one that is present but cannot be started is treated as absent and the run goes on without it.
   */
  public static Tegrastats start(Map<String, String> env, Duration interval) {
    Optional<Path> bin = Executables.find("tegrastats", env);
    if (bin.isEmpty()) return new Tegrastats();
    String ms = Long.toString(interval.toMillis());
    return new Tegrastats(ProcessSpec.of(bin.get().toString(), "--interval", ms).withEnv(env));
  }

  /** Starts sampling at the default interval. */
  public static Tegrastats start(Map<String, String> env) {
    return start(env, DEFAULT_INTERVAL);
  }

  /** True when a {@code tegrastats} process is sampling. */
  public boolean sampling() {
    return process != null;
  }

  /** The samples taken since the last call, summarised; empty when there were none. */
  public TegraSummary drain() {
    synchronized (samples) {
      TegraSummary s = TegraSummary.of(samples);
      samples.clear();
      return s;
    }
  }

  private void add(String line) {
    TegraSample s = TegraSample.parse(line);
    if (s.isEmpty()) return;
    synchronized (samples) {
      samples.add(s);
    }
  }

  /** Stops tegrastats; samples not yet drained stay available to {@link #drain}. */
  @Override
  public void close() {
    if (process != null) process.close();
  }

  @Override
  public String toString() {
    return sampling() ? "tegrastats sampling (pid " + process.pid() + ")" : "no tegrastats";
  }
}
