package dev.tokbench.energy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples power sources in the background while something runs: polled sources (NVML, RAPL) on one
 * daemon thread at a fixed rate, streamed ones (nvidia-smi, tegrastats) through their helper
 * processes at the same period. Every sample is time-stamped on both clocks and, if asked, written
 * to a trace file as it comes. {@link #idle} records the idle baseline; {@link #stop} ends the run
 * window and returns the {@link Measurement}. The sources stay open: the {@link Probe} closes them.
 *
 * <pre>{@code
 * try (EnergyMeter m = EnergyMeter.start(List.of(source), Duration.ofMillis(100))) {
 *   m.idle(Duration.ofSeconds(3));
 *   ... run ...
 *   Measurement result = m.stop();
 * }
 * }</pre>
 */
public final class EnergyMeter implements AutoCloseable {
  /** Ten readings a second: fine enough for tests of a second or more, light on the benchmark. */
  public static final Duration DEFAULT_PERIOD = Duration.ofMillis(100);

  private final List<PowerSource> sources;
  private final Duration period;
  private final List<PowerSample> samples = new ArrayList<>();
  private final Writer trace;
  private final Thread poller;
  private final Stamp started;
  private volatile boolean running = true;
  private volatile boolean accepting = true;
  private Window baseline;
  private Stamp runStart;
  private long ticks;
  private long missed;
  private Measurement result;

  private EnergyMeter(List<? extends PowerSource> sources, Duration period, Writer trace) {
    this.sources = List.copyOf(sources);
    this.period = period;
    this.trace = trace;
    if (trace != null) TraceCsv.writeHeader(trace);
    this.started = Stamp.now();
    this.runStart = started;
    for (PowerSource s : this.sources) {
      if (s instanceof StreamedSource streamed) streamed.start(period, this::add);
    }
    pollOnce(); // the first reading before start() returns, so every window opened after it is
    // covered
    this.runStart = Stamp.now();
    this.poller = new Thread(this::pollLoop, "tokbench-energy-sampler");
    poller.setDaemon(true);
    poller.start();
  }

  /** Starts sampling {@code sources} every {@code period}. */
  public static EnergyMeter start(List<? extends PowerSource> sources, Duration period) {
    return start(sources, period, null);
  }

  /** Starts sampling, writing each sample to {@code traceFile} in tokbench's trace format. */
  public static EnergyMeter start(
      List<? extends PowerSource> sources, Duration period, Path traceFile) {
    if (sources.isEmpty()) throw new IllegalArgumentException("an energy meter needs a source");
    if (period.toMillis() < 1) throw new IllegalArgumentException("a period under 1 ms: " + period);
    return new EnergyMeter(sources, period, open(traceFile));
  }

  private static Writer open(Path file) {
    if (file == null) return null;
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write energy trace " + file, e);
    }
  }

  private void pollOnce() {
    Stamp at = Stamp.now();
    for (PowerSource s : sources) {
      if (s instanceof PolledSource polled) polled.poll(at).forEach(this::add);
    }
    flush();
    ticks++;
  }

  private void pollLoop() {
    long next = System.nanoTime();
    while (running) {
      next += period.toNanos();
      LockSupport.parkNanos(next - System.nanoTime());
      if (!running) break;
      pollOnce();
      long late = System.nanoTime() - (next + period.toNanos());
      if (late > 0) { // a read overran the next tick: skip the ticks it missed rather than bunch up
        long skip = late / period.toNanos() + 1;
        missed += skip;
        next += skip * period.toNanos();
      }
    }
  }

  private void add(PowerSample s) {
    synchronized (samples) {
      if (!accepting) return;
      samples.add(s);
      if (trace != null) TraceCsv.write(trace, s);
    }
  }

  private void flush() {
    if (trace == null) return;
    synchronized (samples) {
      try {
        trace.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the energy trace", e);
      }
    }
  }

  /** How many samples have come in so far. */
  public int sampleCount() {
    synchronized (samples) {
      return samples.size();
    }
  }

  /**
   * Waits {@code d} with nothing running and records it as the idle baseline; the run window starts
   * when it ends.
   */
  public Window idle(Duration d) throws InterruptedException {
    Stamp from = Stamp.now();
    Thread.sleep(d.toMillis());
    Stamp to = Stamp.now();
    baseline = Window.between(from, to);
    runStart = to;
    return baseline;
  }

  /** Marks where the run window starts, when it is not the end of {@link #idle}. */
  public void runStartsNow() {
    runStart = Stamp.now();
  }

  /**
   * What was measured so far, sampling going on: for rows that are written while the run goes on (a
   * results file a killed run must not lose). The run window ends now.
   */
  public Measurement sofar() {
    List<PowerSample> copy;
    synchronized (samples) {
      copy = List.copyOf(samples);
    }
    return new Measurement(
        copy,
        sources.stream().map(PowerSource::info).toList(),
        period,
        baseline,
        Window.between(runStart, Stamp.now()),
        ticks,
        missed);
  }

  /** The monotonic time of the latest sample; {@link Long#MIN_VALUE} before the first. */
  public long latestNs() {
    synchronized (samples) {
      return samples.isEmpty() ? Long.MIN_VALUE : samples.get(samples.size() - 1).stamp().monoNs();
    }
  }

  /** Stops sampling and returns what was measured; calling it again returns the same. */
  public synchronized Measurement stop() {
    if (result != null) return result;
    Stamp end = Stamp.now();
    running = false;
    LockSupport.unpark(poller);
    join();
    // a last reading at or after the end, so the trace covers the whole run window
    for (PowerSource s : sources)
      if (s instanceof PolledSource p) p.poll(Stamp.now()).forEach(this::add);
    if (sources.stream().anyMatch(s -> s instanceof StreamedSource)) pause(period.plusMillis(50));
    for (PowerSource s : sources) if (s instanceof StreamedSource streamed) streamed.stop();
    accepting = false;
    List<PowerSample> copy;
    synchronized (samples) {
      copy = List.copyOf(samples);
    }
    closeTrace();
    result =
        new Measurement(
            copy,
            sources.stream().map(PowerSource::info).toList(),
            period,
            baseline,
            Window.between(runStart, end),
            ticks,
            missed);
    return result;
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void join() {
    try {
      poller.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeTrace() {
    if (trace == null) return;
    try {
      trace.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the energy trace", e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "energy meter every "
        + period.toMillis()
        + " ms on "
        + sources.stream().map(s -> s.info().name()).toList()
        + (running ? ", sampling" : ", stopped");
  }
}
