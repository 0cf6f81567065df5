package dev.tokbench.run.llamacpp;

import dev.tokbench.device.Tegrastats;
import dev.tokbench.formats.llamabench.LlamaBenchLines;
import dev.tokbench.process.Launcher;
import dev.tokbench.process.OutputListener;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.RunIdentity;
import dev.tokbench.results.Status;
import dev.tokbench.run.RunProvenance;
import dev.tokbench.run.RunResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One launch of llama-bench with {@code -o jsonl}: each stdout line is a finished test, parsed and
 * handed on at once; whatever went wrong (missing model, crash, timeout, garbage on stdout) becomes
 * failed rows after the measured ones.
 */
final class LlamaBenchRun {
  // llama-bench.cpp: fprintf(stderr, "%s: error: failed to load model '%s'\n", ...)
  private static final Pattern LOAD_FAILED = Pattern.compile("error: failed to load model '(.*)'");

  private final ProcessSpec spec;
  private final List<Path> models;
  private final CompletableFuture<Map<String, String>> machine;
  private final Consumer<BenchResult> sink;
  private final List<BenchResult> rows = new ArrayList<>();
  private final Set<String> unloaded = new LinkedHashSet<>();
  private final List<String> garbage = new ArrayList<>();
  private static final String SOURCE = "llama-bench stdout";

  private Instant started;
  private Map<String, String> provenance;
  private final LlamaBenchLines lines = new LlamaBenchLines(SOURCE);
  private Tegrastats tegrastats;
  private long lineNo;

  LlamaBenchRun(
      ProcessSpec spec,
      List<Path> models,
      CompletableFuture<Map<String, String>> machine,
      Consumer<BenchResult> sink) {
    this.spec = spec;
    this.models = models;
    this.machine = machine;
    this.sink = sink;
  }

  /**
   * Launches llama-bench. The machine description may still be in the making (nvidia-smi takes a
   * while): the first row waits for it, the launch does not.
   */
  RunResult run() {
    started = Instant.now();
    ProcessOutcome outcome;
    try (Tegrastats sampler = Tegrastats.start(spec.env())) {
      tegrastats = sampler;
      outcome = Launcher.run(spec, new Listener());
    }
    for (BenchResult failed : failures(outcome)) emit(failed);
    return new RunResult(rows, outcome, spec.log());
  }

  private final class Listener implements OutputListener {
    @Override
    public void stdout(String line) {
      lineNo++;
      if (line.isBlank()) return;
      try {
        emit(lines.row(line, lineNo, withTelemetry()));
      } catch (RuntimeException e) {
        garbage.add("stdout line " + lineNo + ": " + e.getMessage());
      }
    }

    /** On a Jetson, what tegrastats saw while this test ran (since the previous row). */
    private Map<String, String> withTelemetry() {
      if (!tegrastats.sampling()) return provenance();
      Map<String, String> p = new TreeMap<>(provenance());
      p.putAll(tegrastats.drain().provenance());
      return p;
    }

    @Override
    public void stderr(String line) {
      Matcher m = LOAD_FAILED.matcher(line);
      if (m.find()) unloaded.add(m.group(1));
    }
  }

  private Map<String, String> provenance() {
    if (provenance == null)
      provenance = new TreeMap<>(RunProvenance.of(spec, started, machine.join()));
    return provenance;
  }

  private void emit(BenchResult row) {
    rows.add(row);
    sink.accept(row);
  }

  private List<BenchResult> failures(ProcessOutcome outcome) {
    List<BenchResult> out = new ArrayList<>();
    String reason = reason(outcome);
    for (String model : unloaded) {
      out.add(failed(model, "failed to load model '" + model + "'; " + reason));
    }
    boolean failed = !outcome.succeeded() || !garbage.isEmpty();
    if (failed && unloaded.isEmpty()) {
      out.add(failed(models.size() == 1 ? models.get(0).toString() : "", reason));
    }
    return out;
  }

  private String reason(ProcessOutcome outcome) {
    List<String> parts = new ArrayList<>();
    if (!outcome.succeeded()) parts.add(outcome.failureReason());
    if (!garbage.isEmpty()) {
      parts.add(garbage.size() + " unreadable output lines, first: " + garbage.get(0));
    }
    if (parts.isEmpty()) parts.add("llama-bench reported an error but exited 0");
    return String.join("; ", parts);
  }

  private BenchResult failed(String model, String reason) {
    Map<String, String> p = new java.util.LinkedHashMap<>(provenance());
    if (!model.isEmpty()) p.put("model_path", model);
    String name =
        model.isEmpty()
            ? ""
            : Path.of(model).getFileName().toString().replaceFirst("(?i)\\.gguf$", "");
    return RunIdentity.of("llama.cpp", name).failed(Status.FAILED, reason, p);
  }
}
