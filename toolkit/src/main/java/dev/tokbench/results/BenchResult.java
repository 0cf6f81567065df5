package dev.tokbench.results;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    framework = RowChecks.requireText(framework, "framework");
    backend = Objects.requireNonNullElse(backend, "");
    model = Objects.requireNonNullElse(model, "");
    quant = Objects.requireNonNullElse(quant, "");
    test = Objects.requireNonNullElse(test, "");
    device = Objects.requireNonNullElse(device, "");
    reason = Objects.requireNonNullElse(reason, "");
    flashAttn = Objects.requireNonNullElse(flashAttn, FlashAttention.NA);
    Objects.requireNonNull(status, "status");
    samples = List.copyOf(Objects.requireNonNullElse(samples, List.of()));
    flags = SortedStringMap.copyOf(flags);
    provenance = SortedStringMap.copyOf(provenance);
    extra = SortedStringMap.copyOf(extra);
    RowChecks.counts(nPrompt, nGen, nDepth, modelBytes, nParams);
    boolean speed = !(MemoryRow.TEST.equals(test) && nPrompt == 0 && nGen == 0);
    if (speed && status == Status.OK) RowChecks.rate(tokensPerSMean, model, test);
  }

  /**
   * A row of {@code framework}, its fields named as they are set: {@code
   * BenchResult.measured("llama.cpp").model("llama-3.2-1b", "Q4_K_M").test("tg128", 0, 128, 0)
   * .tokensPerS(633.68, 1.2, samples).build()}. Unset numbers are unknown (NaN, -1), the status ok.
   */
  public static Builder measured(String framework) {
    return new Builder(framework);
  }

  /**
   * The row standing for a run that measured nothing (not installed, crashed, hung): it names what
   * the run was meant to measure, so a sweep or a report can place it, and says why.
   */
  public static BenchResult failed(RunIdentity identity, Status status, String reason) {
    return measured(identity.framework())
        .backend(identity.backend())
        .model(identity.model(), "")
        .test(identity.test(), identity.nPrompt(), identity.nGen(), 0)
        .flags(identity.flags())
        .status(status, reason)
        .build();
  }

  /** A row for a framework that could not run at all, naming nothing but the framework. */
  public static BenchResult failed(String framework, Status status, String reason) {
    return failed(RunIdentity.of(framework, ""), status, reason);
  }

  /** True when this row holds a measurement. */
  public boolean ok() {
    return status == Status.OK;
  }

  /** A copy with a different status and reason, keeping everything else. */
  public BenchResult withStatus(Status newStatus, String newReason) {
    return toBuilder().status(newStatus, newReason).build();
  }

  /** A copy with these provenance entries added (replacing same keys). */
  public BenchResult withProvenance(Map<String, String> more) {
    return toBuilder().provenance(SortedStringMap.with(provenance, more)).build();
  }

  /** A copy with one more {@code extra} entry (replacing the same key). */
  public BenchResult withExtra(String key, String value) {
    return toBuilder()
        .extra(SortedStringMap.with(extra, java.util.Collections.singletonMap(key, value)))
        .build();
  }

  /** A builder holding this row's fields, to make a copy with some of them changed. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Names a row's fields as they are set, in the groups a reader thinks in: what was run (backend,
   * model, test, flash attention), what was measured (tokens per second, model size, device), how
   * it ended (status), and the maps. Made by {@link #measured} and {@link #toBuilder}.
   */
  public static final class Builder {
    private final String framework;
    private String backend = "";
    private String model = "";
    private String quant = "";
    private String test = "";
    private int nPrompt;
    private int nGen;
    private int nDepth;
    private FlashAttention flashAttn = FlashAttention.NA;
    private double mean = Double.NaN;
    private double stddev = Double.NaN;
    private List<Double> samples = List.of();
    private long modelBytes = -1;
    private long nParams = -1;
    private String device = "";
    private Status status = Status.OK;
    private String reason = "";
    private Map<String, String> flags = Map.of();
    private Map<String, String> provenance = Map.of();
    private Map<String, String> extra = Map.of();

    private Builder(String framework) {
      this.framework = framework;
    }

    // The one place besides build() that lists every component.
    private Builder(BenchResult r) {
      this(r.framework);
      backend(r.backend).model(r.model, r.quant).test(r.test, r.nPrompt, r.nGen, r.nDepth);
      flashAttn(r.flashAttn).tokensPerS(r.tokensPerSMean, r.tokensPerSStddev, r.samples);
      size(r.modelBytes, r.nParams).device(r.device).status(r.status, r.reason);
      flags(r.flags).provenance(r.provenance).extra(r.extra);
    }

    /** The backend, e.g. {@code CUDA}. */
    public Builder backend(String name) {
      backend = name;
      return this;
    }

    /** The model's name and its quantization as llama.cpp names it ({@code Q4_K_M}). */
    public Builder model(String name, String quantization) {
      model = name;
      quant = quantization;
      return this;
    }

    /** The test as llama-bench names it, and its prompt, generated and context-depth tokens. */
    public Builder test(String name, int promptTokens, int genTokens, int depthTokens) {
      test = name;
      nPrompt = promptTokens;
      nGen = genTokens;
      nDepth = depthTokens;
      return this;
    }

    /** Whether flash attention was on; {@link FlashAttention#NA} where it does not apply. */
    public Builder flashAttn(FlashAttention fa) {
      flashAttn = fa;
      return this;
    }

    /** The mean and sample standard deviation of {@code all}, the samples in tokens/s. */
    public Builder tokensPerS(double meanOfSamples, double stddevOfSamples, List<Double> all) {
      mean = meanOfSamples;
      stddev = stddevOfSamples;
      samples = all;
      return this;
    }

    /** Bytes of tensor data and parameters (llama-bench's model_size, model_n_params). */
    public Builder size(long bytes, long params) {
      modelBytes = bytes;
      nParams = params;
      return this;
    }

    /** The device's name, e.g. {@code NVIDIA H100 80GB HBM3}. */
    public Builder device(String name) {
      device = name;
      return this;
    }

    /** How the run ended, and why when not ok. */
    public Builder status(Status s, String why) {
      status = s;
      reason = why;
      return this;
    }

    /** Configuration that is not a column of its own (threads, GPU layers, variables …). */
    public Builder flags(Map<String, String> configuration) {
      flags = configuration;
      return this;
    }

    /** Where and how it was measured (host, GPU, driver, commit, command line …). */
    public Builder provenance(Map<String, String> where) {
      provenance = where;
      return this;
    }

    /** Every other field the tool printed, kept so nothing is lost. */
    public Builder extra(Map<String, String> fields) {
      extra = fields;
      return this;
    }

    /** The row; checked like any other (an ok row needs tokens/s). */
    public BenchResult build() {
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
          mean,
          stddev,
          samples,
          modelBytes,
          nParams,
          device,
          status,
          reason,
          flags,
          provenance,
          extra);
    }
  }

  @Override
  public String toString() {
    String value =
        ok()
            ? String.format(
                java.util.Locale.ROOT, "%.2f ± %.2f tok/s", tokensPerSMean, tokensPerSStddev)
            : status.label() + (reason.isEmpty() ? "" : ": " + firstLine(reason));
    String fa = flashAttn == FlashAttention.ON ? " +FA" : "";
    String where = framework + (backend.isEmpty() ? "" : "/" + backend);
    return String.join(" ", where, model, quant + fa, test, "=", value);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 120 ? line.substring(0, 117) + "..." : line;
  }
}
