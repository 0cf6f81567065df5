package dev.tokbench.run;

import dev.tokbench.energy.Attempt;
import dev.tokbench.energy.Energy;
import dev.tokbench.energy.EnergyFlag;
import dev.tokbench.energy.EnergyMeter;
import dev.tokbench.energy.Measurement;
import dev.tokbench.energy.Probe;
import dev.tokbench.energy.RowEnergy;
import dev.tokbench.energy.TimedRow;
import dev.tokbench.energy.Window;
import dev.tokbench.results.BenchResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A run's energy: the power sources {@link EnergySettings} ask for, sampled from an idle baseline
 * before the first launch to the end, and each row's joules from the windows its output says its
 * test ran in. Rows are handed on in order, each as soon as a sample after its window's end has
 * come in (within a period or two), so a results file still grows while the run goes on. Without a
 * source (this machine has none, or it is off) rows pass at once, their provenance saying why.
 */
public final class RunEnergy implements AutoCloseable {
  /** How long a row waits for a sample after its window before it is written with what there is. */
  private static final long GIVE_UP_NS = TimeUnit.SECONDS.toNanos(5);

  private final Consumer<BenchResult> sink;
  private final Probe probe;
  private final EnergyMeter meter;
  private final Map<String, String> provenance;
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final ScheduledExecutorService timer;
  private Measurement last;

  /** A pending row: its windows, known by the time a sample after {@code endNs} came (or null). */
  private record Pending(BenchResult row, Supplier<Windows> windows, long endNs) {}

  /**
   * When a row's work ran: {@code timed} what it counts; {@code also} other stretches whose energy
   * goes beside its own under a prefix each ({@code warmup_}: calls it does not count; {@code
   * phase_}: its whole launch; a stretch of no tokens gets no per-token fields); {@code reps} each
   * repetition's window, for {@link RepEnergy}'s per-repetition fields (empty for none).
   */
  public record Windows(TimedRow timed, Map<String, TimedRow> also, List<Window> reps) {
    public Windows {
      also = Map.copyOf(also);
      reps = List.copyOf(reps);
    }
  }

  private RunEnergy(
      Consumer<BenchResult> sink, Probe probe, EnergyMeter meter, Map<String, String> provenance) {
    this.sink = sink;
    this.probe = probe;
    this.meter = meter;
    this.provenance = Map.copyOf(provenance);
    if (meter == null) {
      timer = null;
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tokbench-energy-rows");
              t.setDaemon(true);
              return t;
            });
    long ms = Math.max(1, meter.sofar().period().toMillis());
    timer.scheduleWithFixedDelay(this::flushReady, ms, ms, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens the sources {@code how} names (or the best one here) and takes the idle baseline; rows go
   * to {@code sink}. A source that cannot be opened is not an error: the rows say "none" and why.
   */
  public static RunEnergy start(EnergySettings how, Consumer<BenchResult> sink) {
    if (how.off()) return new RunEnergy(sink, null, null, Map.of("energy_source", "off"));
    Probe probe =
        how.sources().isEmpty()
            ? Probe.first(how.config())
            : Probe.of(how.config(), how.sources(), false);
    if (probe.sources().isEmpty()) {
      probe.close();
      return new RunEnergy(sink, null, null, unavailable(probe.attempts()));
    }
    EnergyMeter meter = null;
    try {
      meter = EnergyMeter.start(probe.sources(), how.period(), how.trace());
      if (!how.idle().isZero()) meter.idle(how.idle());
      return new RunEnergy(sink, probe, meter, Map.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (meter != null) meter.stop();
      probe.close();
      return new RunEnergy(sink, null, null, Map.of("energy_source", "none (interrupted)"));
    } catch (RuntimeException e) {
      if (meter != null) meter.stop();
      probe.close();
      return new RunEnergy(sink, null, null, Map.of("energy_source", "none: " + e.getMessage()));
    }
  }

  private static Map<String, String> unavailable(List<Attempt> attempts) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("energy_source", "none");
    p.put(
        "energy_unavailable",
        String.join("; ", attempts.stream().map(a -> a.source() + ": " + a.detail()).toList()));
    return p;
  }

  /** True when power is sampled. */
  public boolean measuring() {
    return meter != null;
  }

  /** A measured row and when its test ran; handed on once its energy is known. */
  public synchronized void row(BenchResult row, TimedRow timed) {
    row(row, timed, Map.of());
  }

  /** A measured row with other stretches beside its own ({@link Windows#also}). */
  public synchronized void row(BenchResult row, TimedRow timed, Map<String, TimedRow> also) {
    Windows w = new Windows(timed, also, List.of());
    long end = timed.span().endNs();
    for (TimedRow t : also.values()) end = Math.max(end, t.span().endNs());
    row(row, end, () -> w);
  }

  /**
   * A measured row whose windows are worked out when a sample after {@code endNs} has come, not
   * now: what they are made from can still be on its way (llama-bench's progress lines on stderr,
   * read by another thread than its rows). They must end by {@code endNs}.
   */
  public synchronized void row(BenchResult row, long endNs, Supplier<Windows> windows) {
    if (meter == null) {
      sink.accept(withProvenance(row));
      return;
    }
    pending.add(new Pending(row, windows, endNs));
    flushReady();
  }

  /** A row without a window (a failed test): handed on in its turn with no energy. */
  public synchronized void row(BenchResult row) {
    if (meter == null) sink.accept(withProvenance(row));
    else pending.add(new Pending(row, null, Long.MIN_VALUE));
  }

  /** Hands on every row whose window a sample has passed, in order, stopping at the first not. */
  private synchronized void flushReady() {
    if (meter == null) return;
    long latest = meter.latestNs();
    long now = System.nanoTime();
    Measurement m = null;
    while (!pending.isEmpty()) {
      Pending p = pending.peek();
      if (p.windows != null && latest < p.endNs && now - p.endNs < GIVE_UP_NS) break;
      if (p.windows != null && m == null) m = meter.sofar();
      emit(pending.poll(), m);
    }
  }

  private void emit(Pending p, Measurement m) {
    if (p.windows == null) {
      Map<String, String> extra = new LinkedHashMap<>(p.row.extra());
      extra.put("energy_flag", EnergyFlag.NOT_COVERED.code());
      sink.accept(withMeasurement(p.row.toBuilder().extra(extra).build(), m));
      return;
    }
    Windows w = p.windows.get();
    RowEnergy e = m.attribute(List.of(w.timed())).get(0);
    Map<String, String> extra = new LinkedHashMap<>(p.row.extra());
    extra.putAll(e.fields());
    new TreeMap<>(w.also()).forEach((prefix, t) -> extra.putAll(stretch(m, prefix, t)));
    if (!w.reps().isEmpty()) extra.putAll(RepEnergy.fields(m, w.reps()));
    sink.accept(withMeasurement(p.row.toBuilder().extra(extra).build(), m));
  }

  private static Map<String, String> stretch(Measurement m, String prefix, TimedRow t) {
    Energy e = m.attribute(List.of(t)).get(0).total();
    Map<String, String> f = e.fields(prefix);
    if (e.tokens() == 0) {
      for (String k : List.of("tok_per_j", "j_per_tok", "j_per_tok_net")) f.remove(prefix + k);
    }
    return f;
  }

  private BenchResult withMeasurement(BenchResult row, Measurement m) {
    if (m == null) m = last != null ? last : meter.sofar();
    last = m;
    Map<String, String> p = new LinkedHashMap<>(row.provenance());
    p.putAll(m.provenance());
    return row.toBuilder().provenance(p).build();
  }

  private BenchResult withProvenance(BenchResult row) {
    Map<String, String> p = new LinkedHashMap<>(row.provenance());
    p.putAll(provenance);
    return row.toBuilder().provenance(p).build();
  }

  /**
   * Waits (a period or two) until every row handed in so far is out; a relaunch or a failed row's
   * naming reads the rows before it.
   */
  public void drain() {
    long until = System.nanoTime() + GIVE_UP_NS + TimeUnit.SECONDS.toNanos(1);
    while (System.nanoTime() < until) {
      synchronized (this) {
        flushReady();
        if (pending.isEmpty()) return;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops sampling and hands on what is left with the whole run's measurement. */
  @Override
  public synchronized void close() {
    if (meter == null) return;
    timer.shutdownNow();
    Measurement whole = meter.stop();
    while (!pending.isEmpty()) emit(pending.poll(), whole);
    probe.close();
  }

  @Override
  public String toString() {
    return meter != null ? meter.toString() : "no energy: " + provenance;
  }
}
