package dev.tokbench.run.llamacpp.embedded;

import dev.tokbench.device.Machine;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.results.Stats;
import dev.tokbench.results.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link EmbeddedLlama}'s rows in the normalised schema. */
final class EmbeddedRows {
  private final EmbeddedLlama.ModelFacts model;
  private final Map<String, String> flags;
  private final Map<String, String> provenance;

  EmbeddedRows(EmbeddedLlama.ModelFacts model, int threads) {
    this(model, threads, Machine.describe());
  }

  /** With {@code machine} described already (a parent JVM naming a test its child lost). */
  EmbeddedRows(EmbeddedLlama.ModelFacts model, int threads, Map<String, String> machine) {
    this.model = model;
    this.flags = Map.of("threads", Integer.toString(threads));
    Map<String, String> p = new LinkedHashMap<>(machine);
    p.put("engine", EmbeddedLlama.ENGINE);
    p.put("model_path", model.path().toAbsolutePath().toString());
    p.put(
        "timing",
        "wall clock, each sample a difference against a one-token request (fixed costs cancel);"
            + " one warm-up repetition not counted");
    this.provenance = p;
  }

  BenchResult ok(int nPrompt, int nGen, List<Double> samples, Map<String, String> extra) {
    return row(
        nPrompt, nGen, Stats.mean(samples), Stats.stddev(samples), samples, Status.OK, "", extra);
  }

  List<BenchResult> failed(List<int[]> tests, Status status, String reason) {
    List<BenchResult> out = new ArrayList<>();
    for (int[] t : tests) {
      out.add(row(t[0], t[1], Double.NaN, Double.NaN, List.of(), status, reason, Map.of()));
    }
    return out;
  }

  /**
   * The row of a test of a model that could not be read at all (missing, not GGUF): named by its
   * file, so that it still says which model and test it stands for.
   */
  static BenchResult unreadable(
      Path model, int threads, int nPrompt, int nGen, Status status, String reason) {
    return BenchResult.measured(EmbeddedLlama.FRAMEWORK)
        .backend("CPU")
        .model(model.getFileName().toString(), "")
        .test(testName(nPrompt, nGen), nPrompt, nGen, 0)
        .flashAttn(FlashAttention.OFF)
        .status(status, reason)
        .flags(Map.of("threads", Integer.toString(threads)))
        .provenance(Map.of("model_path", model.toString()))
        .build();
  }

  private static String testName(int nPrompt, int nGen) {
    return nPrompt > 0 ? "pp" + nPrompt : "tg" + nGen;
  }

  private BenchResult row(
      int nPrompt,
      int nGen,
      double mean,
      double sd,
      List<Double> samples,
      Status status,
      String reason,
      Map<String, String> extra) {
    return BenchResult.measured(EmbeddedLlama.FRAMEWORK)
        .backend("CPU")
        .model(model.name(), model.quant())
        .test(testName(nPrompt, nGen), nPrompt, nGen, 0)
        .flashAttn(FlashAttention.OFF)
        .tokensPerS(mean, sd, samples)
        .size(model.bytes(), model.params())
        .device(provenance.getOrDefault("cpu", ""))
        .status(status, reason)
        .flags(flags)
        .provenance(provenance)
        .extra(extra)
        .build();
  }
}
