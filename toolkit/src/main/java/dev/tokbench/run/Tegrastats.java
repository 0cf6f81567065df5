package dev.tokbench.run;

import java.io.IOException;
import java.io.InputStream;
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

  private final Process process;
  private final Thread reader;
  private final List<TegraSample> samples = new ArrayList<>();

  private Tegrastats(Process process) {
    this.process = process;
    this.reader = process == null ? null : read(process.getInputStream());
  }

  /**
   * Starts sampling if {@code tegrastats} is in the {@code PATH} of {@code env} (else this JVM's).
   */
  public static Tegrastats start(Map<String, String> env, Duration interval) {
    Optional<java.nio.file.Path> bin = Executables.find("tegrastats", env);
    if (bin.isEmpty()) return new Tegrastats(null);
    ProcessBuilder pb =
        new ProcessBuilder(bin.get().toString(), "--interval", Long.toString(interval.toMillis()));
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      return new Tegrastats(pb.start());
    } catch (IOException e) {
      return new Tegrastats(null); // present but not runnable: the run goes on without it
    }
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

  private Thread read(InputStream in) {
    Thread t =
        new Thread(
            () -> {
              try (in) {
                LineSplitter.forEachLine(in, this::add);
              } catch (IOException e) {
                // the stream closes when the process is killed
              }
            },
            "tokbench-tegrastats");
    t.setDaemon(true);
    t.start();
    return t;
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
    if (process == null) return;
    Launcher.killTree(process.toHandle());
    try {
      reader.join(Duration.ofSeconds(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return sampling() ? "tegrastats sampling (pid " + process.pid() + ")" : "no tegrastats";
  }
}
