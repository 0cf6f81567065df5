package dev.tokbench.run.llamacpp;

import dev.tokbench.device.Tegrastats;
import dev.tokbench.process.GpuActivity;
import dev.tokbench.process.Launcher;
import dev.tokbench.process.OutputListener;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.run.FailureLines;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One llama-bench process with {@code -o jsonl}: each stdout line is a finished test, parsed and
 * handed on at once and checked against the test the matrix says comes next; stderr is searched for
 * the lines that explain a failure, which start over with each finished test.
 */
final class LlamaBenchLaunch {
  // llama-bench.cpp: fprintf(stderr, "%s: error: failed to load model '%s'\n", ...)
  private static final Pattern LOAD_FAILED = Pattern.compile("error: failed to load model '(.*)'");

  private final ProcessSpec spec;
  private final LlamaBenchMatrix.Launch planned;
  private final LlamaBenchMatrix matrix;
  private final Map<String, String> provenance;
  private final Tegrastats tegrastats;
  private final Emit emit;
  private final ProgressStamps progress = new ProgressStamps();
  private final BenchProgram.Output output;
  private final FailureLines failures = new FailureLines();
  private final ContextMemory memory = new ContextMemory();
  private final Set<String> unloaded = new LinkedHashSet<>();
  private final List<String> garbage = new ArrayList<>();
  private String disagreement = "";
  private int seen;
  private long lineNo;

  /** Takes each row, when its line arrived, and the progress lines stamped before it. */
  @FunctionalInterface
  interface Emit {
    /** {@code index}: the row's test among this launch's, from 1, as llama-bench numbers them. */
    void accept(BenchResult row, long arrivalNs, ProgressStamps progress, int index);
  }

  /**
   * @param planned the tests it should run; {@code count} -1 when the matrix is not known
   * @param emit takes each row and when its line arrived
   */
  LlamaBenchLaunch(
      ProcessSpec spec,
      LlamaBenchMatrix.Launch planned,
      LlamaBenchMatrix matrix,
      Map<String, String> provenance,
      Tegrastats tegrastats,
      BenchProgram program,
      Emit emit) {
    this.spec = spec;
    this.planned = planned;
    this.matrix = matrix;
    this.provenance = new TreeMap<>(provenance);
    this.tegrastats = tegrastats;
    this.output = program.output();
    this.emit = emit;
  }

  ProcessOutcome run(GpuActivity gpu) {
    return Launcher.run(spec, new Listener(), gpu);
  }

  private final class Listener implements OutputListener {
    @Override
    public void stdout(String line) {
      stdout(line, System.nanoTime());
    }

    @Override
    public void stdout(String line, long at) {
      lineNo++;
      if (line.isBlank()) return;
      BenchResult row;
      try {
        row = output.row(line, lineNo, withTelemetry());
      } catch (RuntimeException e) {
        garbage.add("stdout line " + lineNo + ": " + e.getMessage());
        return;
      }
      if (row == null) { // a diagnostic on stdout (a JVM's crash report), not a row
        diagnostic(line);
        return;
      }
      check(row);
      row = withMemory(row, seen);
      seen++;
      failures.reset();
      emit.accept(row, at, progress, seen);
    }

    @Override
    public void stderr(String line) {
      stderr(line, System.nanoTime());
    }

    @Override
    public void stderr(String line, long at) {
      if (progress.accept(line, at)) return; // --progress: not an explanation of a failure
      diagnostic(line);
    }

    private void diagnostic(String line) {
      failures.accept(output.explaining(line));
      memory.accept(line);
      Matcher m = LOAD_FAILED.matcher(line);
      if (m.find()) unloaded.add(m.group(1));
    }
  }

  /** The row with the buffers llama.cpp stated for the context its test ran in. */
  private BenchResult withMemory(BenchResult row, int index) {
    Map<String, String> fields = memory.of(index);
    if (fields.isEmpty()) return row;
    Map<String, String> extra = new TreeMap<>(row.extra());
    extra.putAll(fields);
    return row.toBuilder().extra(extra).build();
  }

  /** A row that is not the test the matrix expects means the matrix is not llama-bench's. */
  private void check(BenchResult row) {
    if (!knowsNext()) return;
    MatrixPoint expected = matrix.point(planned.first() + seen);
    if (!expected.isRowOf(row)) {
      disagreement =
          "llama-bench printed "
              + row.extra().getOrDefault("model_filename", row.model())
              + " "
              + row.test()
              + " where tokbench expected "
              + expected.model()
              + " "
              + expected.test()
              + " (another llama-bench version's order?)";
    }
  }

  /** On a Jetson, what tegrastats saw while this test ran (since the previous row). */
  private Map<String, String> withTelemetry() {
    if (!tegrastats.sampling()) return provenance;
    Map<String, String> p = new TreeMap<>(provenance);
    p.putAll(tegrastats.drain().provenance());
    return p;
  }

  /** True when the matrix is known and every row so far was the test it expected. */
  boolean followed() {
    return planned.count() >= 0 && disagreement.isEmpty();
  }

  /** True while the matrix is followed and tests remain: the next one is known. */
  boolean knowsNext() {
    return followed() && seen < planned.count();
  }

  /** How many tests this launch should run; -1 when the matrix is not known. */
  int planned() {
    return planned.count();
  }

  /** The index in the whole matrix of the test running when the process ended. */
  int current() {
    return planned.first() + seen;
  }

  /** Rows printed. */
  int seen() {
    return seen;
  }

  FailureLines failures() {
    return failures;
  }

  Set<String> unloaded() {
    return unloaded;
  }

  List<String> garbage() {
    return garbage;
  }

  /** Why the next test is not known; empty when it is. */
  String disagreement() {
    return disagreement;
  }

  Map<String, String> provenance() {
    return provenance;
  }

  ProcessSpec spec() {
    return spec;
  }
}
