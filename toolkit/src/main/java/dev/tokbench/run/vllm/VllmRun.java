package dev.tokbench.run.vllm;

import dev.tokbench.formats.vllm.LatencyShape;
import dev.tokbench.formats.vllm.VllmOutput;
import dev.tokbench.process.Executables;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.RunIdentity;
import dev.tokbench.run.Availability;
import dev.tokbench.run.FrameworkRun;
import dev.tokbench.run.OutputFileRun;
import dev.tokbench.run.RunResult;
import dev.tokbench.run.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One launch of {@code vllm bench latency} or {@code vllm bench throughput}: {@code vllm --version}
 * first (a failure is a {@code not-installed} row that quotes it), then the benchmark as a real
 * process with timeout and tree kill, then its {@code --output-json} file read into a row with
 * provenance. Made by {@link Vllm#latency} and {@link Vllm#throughput}.
 *
 * <pre>{@code
 * Vllm.latency("meta-llama/Llama-3.2-1B-Instruct").inputLen(512).outputLen(128).batchSize(1).run();
 * }</pre>
 */
public final class VllmRun extends FrameworkRun<VllmOptions, VllmRun> {

  private VllmRun(VllmOptions options, RunSettings settings) {
    super(options, settings);
    if (options.model() == null || options.model().isBlank()) {
      throw new IllegalArgumentException("vLLM needs --model");
    }
  }

  @Override
  protected VllmRun copy(VllmOptions o, RunSettings s) {
    return new VllmRun(o, s);
  }

  /** A run with these options. */
  public static VllmRun of(VllmOptions options) {
    return new VllmRun(options, RunSettings.NONE);
  }

  /** The {@code vllm} executable: a path, or a name looked up in the run's {@code PATH}. */
  public VllmRun binary(String programOrPath) {
    return with(VllmOptions::binary, programOrPath);
  }

  /** Prompt tokens per request. */
  public VllmRun inputLen(int tokens) {
    return with(VllmOptions::inputLen, tokens);
  }

  /** Generated tokens per request. */
  public VllmRun outputLen(int tokens) {
    return with(VllmOptions::outputLen, tokens);
  }

  /** Latency only: sequences per batch. */
  public VllmRun batchSize(int sequences) {
    return with(VllmOptions::batchSize, sequences);
  }

  /** Latency only: timed iterations ({@code --num-iters}). */
  public VllmRun iters(int n) {
    return with(VllmOptions::numIters, n);
  }

  /** Throughput only: requests ({@code --num-prompts}). */
  public VllmRun prompts(int n) {
    return with(VllmOptions::numPrompts, n);
  }

  /** Where vLLM writes its result; by default a new temporary file. */
  public VllmRun outputJson(Path file) {
    return with(VllmOptions::outputJson, file);
  }

  /** What would be launched, writing to {@code output}. */
  public ProcessSpec spec(Path output) {
    VllmOptions o = options();
    List<String> cmd =
        new ArrayList<>(
            o.latency()
                ? Vllm.latencyCommand(o.model(), shape(), o.numIters(), output)
                : Vllm.throughputCommand(
                    o.model(), o.inputLen(), o.outputLen(), o.numPrompts(), output));
    cmd.set(0, Executables.resolve(o.binary(), settings().env()));
    cmd.addAll(settings().args());
    Duration timeout = settings().timeoutOr(ProcessSpec.DEFAULT_TIMEOUT);
    return new ProcessSpec(cmd, settings().env(), null, timeout, settings().log());
  }

  /**
   * Checks, runs and reads: one row, ok or with the reason it failed, also handed to {@code sink}.
   */
  @Override
  public RunResult run(Consumer<BenchResult> sink) {
    Path output =
        options().outputJson() != null
            ? options().outputJson()
            : OutputFileRun.temporary("vllm", ".json");
    ProcessSpec spec = spec(output);
    ProcessSpec version =
        new ProcessSpec(
            List.of(spec.command().get(0), "--version"), spec.env(), null, spec.timeout(), null);
    Availability tool = Availability.ofCommand("vllm", version);
    LatencyShape shape = shape();
    String model = options().model();
    RunResult r =
        OutputFileRun.run(
            identity(),
            tool,
            spec,
            output,
            file -> List.<BenchResult>of(VllmOutput.read(file, model, shape)),
            settings().machineOrDescribe());
    r.rows().forEach(sink);
    return r;
  }

  private LatencyShape shape() {
    return new LatencyShape(
        options().inputLen(),
        options().outputLen(),
        options().latency() ? options().batchSize() : 1);
  }

  private RunIdentity identity() {
    VllmOptions o = options();
    Map<String, String> env = settings().env();
    Map<String, String> flags =
        o.latency()
            ? OutputFileRun.flags(
                env,
                "batch_size",
                o.batchSize(),
                "input_len",
                o.inputLen(),
                "output_len",
                o.outputLen())
            : OutputFileRun.flags(
                env,
                "num_prompts",
                o.numPrompts(),
                "input_len",
                o.inputLen(),
                "output_len",
                o.outputLen());
    String test = o.latency() ? "pp" + o.inputLen() + "+tg" + o.outputLen() : "throughput";
    int nPrompt = o.latency() ? o.inputLen() : 0;
    int nGen = o.latency() ? o.outputLen() : 0;
    return RunIdentity.of("vllm", o.model()).backend("CUDA").test(test, nPrompt, nGen).flags(flags);
  }

  @Override
  public String toString() {
    return "vllm bench " + options().bench() + " " + options().model();
  }
}
