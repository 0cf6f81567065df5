package dev.tokbench.run.llamacpp;

import dev.tokbench.device.Machine;
import dev.tokbench.device.NvidiaSmiActivity;
import dev.tokbench.device.Tegrastats;
import dev.tokbench.energy.TimedRow;
import dev.tokbench.process.GpuActivity;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.run.RunEnergy;
import dev.tokbench.run.RunProvenance;
import dev.tokbench.run.RunResult;
import dev.tokbench.run.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A llama-bench run: one launch with {@code -o jsonl}, each finished test handed on as it comes;
 * when the process dies, the test it was running (known from the matrix, expanded as llama-bench
 * expands it) becomes a row of its own that says what failed and why. With {@code
 * continueAfterFailure}, the tests after it run in new launches, so one failing configuration costs
 * one row. Every launch shares the run's timeout. A launch runs a {@link BenchProgram}: llama-bench
 * itself, or the embedded llama.cpp in a child JVM, which this treats the same way.
 */
final class LlamaBenchRun {
  /** How late a progress line may be read after the row it precedes (another thread reads it). */
  private static final long GRACE_NS = 100_000_000L;

  private final BenchProgram program;
  private final List<String> args;
  private final RunSettings settings;
  private final boolean continueAfterFailure;
  private final List<Path> models;
  private final CompletableFuture<Map<String, String>> machine;
  private Consumer<BenchResult> sink;
  private final List<BenchResult> rows = new ArrayList<>();
  private final FailedTests failed;
  private ProcessOutcome firstFailure;
  private RunEnergy energy;
  private boolean progress;

  /**
   * @param program what each launch runs: llama-bench, or the embedded llama.cpp's child JVM
   * @param args llama-bench's arguments, without {@code -o jsonl}, which every launch adds
   */
  LlamaBenchRun(
      BenchProgram program,
      List<String> args,
      RunSettings settings,
      boolean continueAfterFailure,
      List<Path> models) {
    this.program = program;
    this.args = program.matrixArgs(args);
    this.settings = settings;
    this.continueAfterFailure = continueAfterFailure;
    this.models = models;
    // described while llama-bench starts, not before: nvidia-smi -q alone can take a second
    this.machine =
        settings.machine() != null
            ? CompletableFuture.completedFuture(settings.machine())
            : CompletableFuture.supplyAsync(Machine::describe);
    this.failed = new FailedTests(rows, program);
  }

  /** Runs it, handing each row to {@code sink} as soon as its test finished or failed. */
  RunResult run(Consumer<BenchResult> rowSink) {
    this.sink = rowSink;
    Instant started = Instant.now();
    long deadline = System.nanoTime() + settings.timeoutOr(ProcessSpec.DEFAULT_TIMEOUT).toNanos();
    LlamaBenchMatrix matrix = matrix();
    GpuActivity gpu =
        settings.stallOrDefault() == null ? GpuActivity.NONE : NvidiaSmiActivity.of(settings.env());
    ProcessOutcome last;
    try (Tegrastats tegrastats = Tegrastats.start(settings.env());
        RunEnergy meter = RunEnergy.start(settings.energyOrDefault(), this::emit)) {
      energy = meter;
      progress = meter.measuring() && program.progressAddable(args, settings.env());
      LlamaBenchMatrix.Launch plan =
          new LlamaBenchMatrix.Launch(0, matrix.expanded() ? matrix.size() : -1, args);
      int launches = 0;
      while (true) {
        launches++;
        ProcessSpec spec = spec(plan.args(), deadline);
        Map<String, String> where = provenance(spec, started, launches, plan);
        LlamaBenchLaunch launch =
            new LlamaBenchLaunch(spec, plan, matrix, where, tegrastats, program, this::measured);
        last = launch.run(gpu);
        meter.drain(); // the failed test's row is named after the rows before it
        int next = afterLaunch(launch, last, matrix, deadline);
        if (next < 0 || next >= matrix.size()) break;
        plan = matrix.launches(next).get(0);
      }
    }
    return new RunResult(rows, firstFailure != null ? firstFailure : last, settings.log());
  }

  /** Where the next launch starts, or -1 when the run is over. */
  private int afterLaunch(
      LlamaBenchLaunch launch, ProcessOutcome outcome, LlamaBenchMatrix matrix, long deadline) {
    boolean due = launch.knowsNext(); // the matrix is followed and tests were still to come
    if (outcome.succeeded() && launch.garbage().isEmpty() && !due)
      return launch.followed() ? launch.current() : -1;
    if (firstFailure == null) firstFailure = outcome;
    if (!due) {
      // the next test is not known (no matrix, or llama-bench's order differs): as before
      for (BenchResult r : failed.unplaced(launch, outcome, models)) failedRow(r);
      return -1;
    }
    int at = launch.current();
    failedRow(failed.of(matrix.point(at), launch, outcome, matrix.size()));
    if (!continueAfterFailure || outcome.interrupted()) return -1;
    if (outcome.timedOut() || System.nanoTime() - deadline >= 0) {
      for (int i = at + 1; i < matrix.size(); i++)
        failedRow(failed.notRun(matrix.point(i), launch, timeoutSeconds(), matrix.size()));
      return -1;
    }
    return at + 1;
  }

  private LlamaBenchMatrix matrix() {
    try {
      return LlamaBenchMatrix.of(args);
    } catch (IllegalArgumentException e) {
      // llama-bench will refuse them and say so; the run still reports it
      return LlamaBenchMatrix.of(List.of("--not-expanded"));
    }
  }

  private ProcessSpec spec(List<String> launchArgs, long deadline) {
    List<String> cmd = program.command(launchArgs, progress);
    long left = Math.max(deadline - System.nanoTime(), 1_000_000L);
    return new ProcessSpec(
        cmd,
        settings.env(),
        null,
        Duration.ofNanos(left),
        settings.log(),
        settings.stallOrDefault());
  }

  /** The launch's provenance; a relaunch says which test it continues after. */
  private Map<String, String> provenance(
      ProcessSpec spec, Instant started, int launch, LlamaBenchMatrix.Launch plan) {
    Map<String, String> p = new LinkedHashMap<>(RunProvenance.of(spec, started, machine.join()));
    if (launch > 1) {
      p.put("llama_bench_launch", Integer.toString(launch));
      p.put(
          "continued_after_failure",
          "tests " + (plan.first() + 1) + ".." + (plan.first() + plan.count()));
    }
    return p;
  }

  private long timeoutSeconds() {
    return settings.timeoutOr(ProcessSpec.DEFAULT_TIMEOUT).toSeconds();
  }

  /**
   * A measured row to the energy meter with its windows: each repetition's own from {@code
   * --progress} when its stamps fit ({@link ProgressStamps}), else back to back before the row.
   */
  private void measured(BenchResult row, long arrivalNs, ProgressStamps stamps, int index) {
    List<Long> ns = samplesNs(row);
    // worked out after the next sample past a grace, when the stderr lines before the row are in
    energy.row(row, arrivalNs + GRACE_NS, () -> windows(row, ns, arrivalNs, stamps, index));
  }

  private static RunEnergy.Windows windows(
      BenchResult row, List<Long> ns, long arrivalNs, ProgressStamps stamps, int index) {
    Optional<ProgressStamps.Windows> w = stamps.windows(index, row, ns, arrivalNs);
    if (w.isEmpty()) {
      TimedRow b2b = TimedRow.llamaBench(row.test(), arrivalNs, ns, row.nPrompt(), row.nGen());
      return new RunEnergy.Windows(b2b, Map.of(), List.of());
    }
    Map<String, TimedRow> also = new LinkedHashMap<>();
    w.get().warmup().ifPresent(t -> also.put("warmup_", t));
    return new RunEnergy.Windows(w.get().reps(), also, w.get().perRep());
  }

  /**
   * The repetitions' times ({@code samples_ns}, or from {@code samples_ts} when an older
   * llama-bench printed no nanoseconds).
   */
  private static List<Long> samplesNs(BenchResult row) {
    List<Long> ns = new ArrayList<>();
    String printed = row.extra().get("samples_ns");
    if (printed != null && !printed.isBlank()) {
      for (String v : printed.split(";")) ns.add(Long.parseLong(v.strip()));
    } else {
      long tokens = (long) row.nPrompt() + row.nGen();
      for (double ts : row.samples()) ns.add(Math.round(tokens / ts * 1e9));
    }
    if (ns.isEmpty()) ns.add(0L);
    return ns;
  }

  /** A row that measured nothing goes out in its turn, after those still waiting for energy. */
  private void failedRow(BenchResult row) {
    energy.row(row);
  }

  private synchronized void emit(BenchResult row) {
    rows.add(row);
    sink.accept(row);
  }
}
