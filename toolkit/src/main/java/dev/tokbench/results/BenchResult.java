package dev.tokbench.results;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of the normalised result schema shared by every framework: one test (e.g. {@code tg128})
 * of one model under one configuration, measured or not.
 *
 * <p>Unknown numbers are {@code NaN} (doubles) or {@code -1} (counts and bytes), and are written as
 * empty CSV cells. {@code flags} holds the configuration that is not a column of its own (threads,
 * GPU layers, batch sizes, cache types, environment such as {@code MV_THREADS_PER_ROW}); {@code
 * provenance} where and how it was measured (host, GPU, driver, commit, command line); {@code
 * extra} every other field the tool printed, kept so nothing is lost.
 *
 * @param framework e.g. {@code llama.cpp}, {@code tinygrad}, {@code vllm}, {@code mlc-llm}
 * @param backend e.g. {@code CUDA}, {@code NV}, {@code CPU}; empty when not known
 * @param model the model's name, e.g. {@code LLaMA 3.2 1B Instruct}
 * @param quant quantization as llama.cpp names it, e.g. {@code Q4_K_M}
 * @param test the test as llama-bench names it: {@code pp512}, {@code tg128}, {@code pp512+tg128}
 * @param nPrompt prompt tokens processed per sample
 * @param nGen tokens generated per sample
 * @param nDepth tokens already in the context (llama-bench {@code -d})
 * @param tokensPerSMean mean of the samples, tokens per second
 * @param tokensPerSStddev sample standard deviation, tokens per second
 * @param samples every sample in tokens per second, in order
 * @param modelBytes bytes of tensor data (llama-bench {@code model_size}); -1 if unknown
 * @param nParams parameters (llama-bench {@code model_n_params}); -1 if unknown
 * @param device the device name, e.g. {@code NVIDIA H100 80GB HBM3}
 * @param status ok, failed or not-installed
 * @param reason why the row is not ok (with a stderr tail), empty when ok
 */
public record BenchResult(
    String framework,
    String backend,
    String model,
    String quant,
    String test,
    int nPrompt,
    int nGen,
    int nDepth,
    FlashAttention flashAttn,
    double tokensPerSMean,
    double tokensPerSStddev,
    List<Double> samples,
    long modelBytes,
    long nParams,
    String device,
    Status status,
    String reason,
    Map<String, String> flags,
    Map<String, String> provenance,
    Map<String, String> extra) {

  public BenchResult {
    framework = requireText(framework, "framework");
    backend = Objects.requireNonNullElse(backend, "");
    model = Objects.requireNonNullElse(model, "");
    quant = Objects.requireNonNullElse(quant, "");
    test = Objects.requireNonNullElse(test, "");
    device = Objects.requireNonNullElse(device, "");
    reason = Objects.requireNonNullElse(reason, "");
    flashAttn = Objects.requireNonNullElse(flashAttn, FlashAttention.NA);
    Objects.requireNonNull(status, "status");
    samples = List.copyOf(Objects.requireNonNullElse(samples, List.of()));
    flags = sortedCopy(flags);
    provenance = sortedCopy(provenance);
    extra = sortedCopy(extra);
    if (nPrompt < 0 || nGen < 0 || nDepth < 0) {
      throw new IllegalArgumentException(
          "token counts must be >= 0, got n_prompt="
              + nPrompt
              + " n_gen="
              + nGen
              + " n_depth="
              + nDepth);
    }
    if (status == Status.OK && !(tokensPerSMean >= 0)) {
      throw new IllegalArgumentException(
          "an ok row needs tokens/s >= 0, got " + tokensPerSMean + " for " + model + " " + test);
    }
  }

  /** A row for a framework that could not run at all (not installed, crashed before any test). */
  public static BenchResult unavailable(String framework, Status status, String reason) {
    return new BenchResult(
        framework,
        "",
        "",
        "",
        "",
        0,
        0,
        0,
        FlashAttention.NA,
        Double.NaN,
        Double.NaN,
        List.of(),
        -1,
        -1,
        "",
        status,
        reason,
        Map.of(),
        Map.of(),
        Map.of());
  }

  /** True when this row holds a measurement. */
  public boolean ok() {
    return status == Status.OK;
  }

  /** A copy with a different status and reason, keeping everything else. */
  public BenchResult withStatus(Status newStatus, String newReason) {
    return copy(newStatus, newReason, provenance, extra);
  }

  /** A copy with these provenance entries added (replacing same keys). */
  public BenchResult withProvenance(Map<String, String> more) {
    Map<String, String> merged = new TreeMap<>(provenance);
    merged.putAll(more);
    return copy(status, reason, merged, extra);
  }

  /** A copy with one more {@code extra} entry (replacing the same key). */
  public BenchResult withExtra(String key, String value) {
    Map<String, String> merged = new TreeMap<>(extra);
    merged.put(key, value);
    return copy(status, reason, provenance, merged);
  }

  // The one place that lists every component, so each with… method names only what it changes.
  private BenchResult copy(
      Status newStatus, String newReason, Map<String, String> prov, Map<String, String> ext) {
    return new BenchResult(
        framework,
        backend,
        model,
        quant,
        test,
        nPrompt,
        nGen,
        nDepth,
        flashAttn,
        tokensPerSMean,
        tokensPerSStddev,
        samples,
        modelBytes,
        nParams,
        device,
        newStatus,
        newReason,
        flags,
        prov,
        ext);
  }

  @Override
  public String toString() {
    String value =
        ok()
            ? String.format(
                java.util.Locale.ROOT, "%.2f ± %.2f tok/s", tokensPerSMean, tokensPerSStddev)
            : status.label() + (reason.isEmpty() ? "" : ": " + firstLine(reason));
    return framework
        + (backend.isEmpty() ? "" : "/" + backend)
        + " "
        + model
        + " "
        + quant
        + (flashAttn == FlashAttention.ON ? " +FA" : "")
        + " "
        + test
        + " = "
        + value;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 120 ? line.substring(0, 117) + "..." : line;
  }

  private static String requireText(String s, String name) {
    if (s == null || s.isBlank()) throw new IllegalArgumentException(name + " must not be empty");
    return s;
  }

  private static Map<String, String> sortedCopy(Map<String, String> m) {
    return SortedStringMap.copyOf(m);
  }
}
