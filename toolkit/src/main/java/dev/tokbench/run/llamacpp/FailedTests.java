package dev.tokbench.run.llamacpp;

import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.gguf.Gguf;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.results.RunIdentity;
import dev.tokbench.results.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of tests that measured nothing, named as their measured siblings are: model and
 * quantization (from the GGUF header, as llama-bench's {@code model_type} would give it), test,
 * flash attention, the given settings under llama-bench's field names, the backend and device of
 * the run's last measured row, and why (how the process ended and the stderr lines that say so).
 */
final class FailedTests {
  private final List<BenchResult> rows;
  private final BenchProgram program;
  private final Map<String, String> quants = new HashMap<>();

  /**
   * @param rows the run's rows so far, whose last measured one gives backend and device
   * @param program what ran the tests, which may name its failed rows its own way
   */
  FailedTests(List<BenchResult> rows, BenchProgram program) {
    this.rows = rows;
    this.program = program;
  }

  /** The test {@code p}, which was running when the launch ended. */
  BenchResult of(MatrixPoint p, LlamaBenchLaunch launch, ProcessOutcome outcome, int total) {
    String reason =
        outcome.succeeded()
            ? program.name()
                + " exited 0 after "
                + launch.seen()
                + " of the "
                + launch.planned()
                + " tests it was given"
            : launch.failures().reason(outcome);
    if (!launch.garbage().isEmpty()) reason += "; " + unreadable(launch.garbage());
    Status status = outcome.succeeded() ? Status.FAILED : launch.failures().status(outcome);
    return row(p, status, reason, launch.provenance(), total);
  }

  /** A test never started: the run's timeout was spent before it. */
  BenchResult notRun(MatrixPoint p, LlamaBenchLaunch launch, long timeoutS, int total) {
    String reason = "not run: the run's timeout of " + timeoutS + " s was spent before this test";
    return row(p, Status.FAILED, reason, launch.provenance(), total);
  }

  private BenchResult row(
      MatrixPoint p, Status status, String reason, Map<String, String> where, int total) {
    String quant = quant(p.model());
    Map<String, String> provenance = new LinkedHashMap<>(where);
    provenance.put("model_path", p.model());
    provenance.put("failed_test", (p.index() + 1) + "/" + total);
    BenchResult last = lastMeasured();
    BenchResult named =
        BenchResult.measured("llama.cpp")
            .backend(last == null ? "" : last.backend())
            .model(LlamaBenchOutput.modelName(p.model(), quant), quant)
            .test(p.test(), p.nPrompt(), p.nGen(), p.nDepth())
            .flashAttn(FlashAttention.parse(p.settings().getOrDefault("flash_attn", "")))
            .device(last == null ? "" : last.device())
            .status(status, reason)
            .flags(p.settings())
            .provenance(provenance)
            .extra(Map.of("model_filename", p.model()))
            .build();
    return program.failedTest(p, named);
  }

  /**
   * When the test that failed is not known (no matrix, or llama-bench's order differs from it): a
   * row per model that failed to load, else one row naming the model when there is only one.
   */
  List<BenchResult> unplaced(LlamaBenchLaunch launch, ProcessOutcome outcome, List<Path> models) {
    List<BenchResult> out = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    if (!outcome.succeeded()) parts.add(launch.failures().reason(outcome));
    if (!launch.garbage().isEmpty()) parts.add(unreadable(launch.garbage()));
    if (!launch.disagreement().isEmpty())
      parts.add("the failed test is not known: " + launch.disagreement());
    if (parts.isEmpty()) parts.add("llama-bench reported an error but exited 0");
    String reason = String.join("; ", parts);
    Status status = outcome.succeeded() ? Status.FAILED : launch.failures().status(outcome);
    for (String model : launch.unloaded()) {
      out.add(failed(model, status, "failed to load model '" + model + "'; " + reason, launch));
    }
    if (out.isEmpty())
      out.add(failed(models.size() == 1 ? models.get(0).toString() : "", status, reason, launch));
    return out;
  }

  private BenchResult failed(String model, Status status, String reason, LlamaBenchLaunch l) {
    Map<String, String> p = new LinkedHashMap<>(l.provenance());
    if (!model.isEmpty()) p.put("model_path", model);
    String quant = model.isEmpty() ? "" : quant(model);
    String name = model.isEmpty() ? "" : LlamaBenchOutput.modelName(model, quant);
    BenchResult r = RunIdentity.of(program.framework(), name).failed(status, reason, p);
    return quant.isEmpty() ? r : r.toBuilder().model(name, quant).build();
  }

  private static String unreadable(List<String> garbage) {
    return garbage.size() + " unreadable output lines, first: " + garbage.get(0);
  }

  private BenchResult lastMeasured() {
    for (int i = rows.size() - 1; i >= 0; i--) if (rows.get(i).ok()) return rows.get(i);
    return null;
  }

  /** The file type llama-quantize names ({@code Q4_K_M}) from the GGUF header; empty if unread. */
  private String quant(String model) {
    if (model.isEmpty()) return "";
    return quants.computeIfAbsent(
        model,
        m -> {
          try {
            return Gguf.read(Path.of(m)).summary().fileType();
          } catch (RuntimeException e) {
            return ""; // missing or not GGUF: llama-bench's own error says which
          }
        });
  }
}
