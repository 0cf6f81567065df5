package dev.tokbench.run.vllm;

import dev.tokbench.device.Machine;
import dev.tokbench.formats.vllm.LatencyShape;
import dev.tokbench.formats.vllm.VllmOutput;
import dev.tokbench.process.Executables;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.RunIdentity;
import dev.tokbench.run.Availability;
import dev.tokbench.run.OutputFileRun;
import dev.tokbench.run.RunResult;
import dev.tokbench.run.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
public final class VllmRun implements RunSettings<VllmRun> {
  private final boolean latency;
  private final String model;
  private String binary = "vllm";
  private int inputLen;
  private int outputLen;
  private int batchSize;
  private int iters = 30; // vllm bench latency's --num-iters default
  private int prompts = 1000; // vllm bench throughput's --num-prompts default
  private final List<String> extraArgs = new ArrayList<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private Duration timeout = ProcessSpec.DEFAULT_TIMEOUT;
  private Path outputJson;
  private Path log;
  private Map<String, String> machine;

  VllmRun(boolean latency, String model) {
    if (model == null || model.isBlank()) throw new IllegalArgumentException("vLLM needs --model");
    this.latency = latency;
    this.model = model;
    LatencyShape d = LatencyShape.DEFAULT;
    inputLen = d.inputLen();
    outputLen = d.outputLen();
    batchSize = d.batchSize();
  }

  /** The {@code vllm} executable: a path, or a name looked up in the run's {@code PATH}. */
  public VllmRun binary(String programOrPath) {
    binary = programOrPath;
    return this;
  }

  public VllmRun inputLen(int tokens) {
    inputLen = tokens;
    return this;
  }

  public VllmRun outputLen(int tokens) {
    outputLen = tokens;
    return this;
  }

  /** Latency only: sequences per batch. */
  public VllmRun batchSize(int sequences) {
    batchSize = sequences;
    return this;
  }

  /** Latency only: timed iterations ({@code --num-iters}). */
  public VllmRun iters(int n) {
    iters = n;
    return this;
  }

  /** Throughput only: requests ({@code --num-prompts}). */
  public VllmRun prompts(int n) {
    prompts = n;
    return this;
  }

  /** More vLLM arguments, such as {@code --dtype bfloat16} or {@code --enforce-eager}. */
  public VllmRun arg(String... args) {
    extraArgs.addAll(List.of(args));
    return this;
  }

  /** An environment variable, such as {@code CUDA_VISIBLE_DEVICES=0} or a virtualenv's PATH. */
  public VllmRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public VllmRun timeout(Duration t) {
    timeout = t;
    return this;
  }

  /** Where vLLM writes its result; by default a new temporary file. */
  public VllmRun outputJson(Path file) {
    outputJson = file;
    return this;
  }

  public VllmRun log(Path file) {
    log = file;
    return this;
  }

  public VllmRun machine(Map<String, String> description) {
    machine = Map.copyOf(description);
    return this;
  }

  /** What would be launched, writing to {@code output}. */
  public ProcessSpec spec(Path output) {
    List<String> cmd =
        new ArrayList<>(
            latency
                ? Vllm.latencyCommand(model, shape(), iters, output)
                : Vllm.throughputCommand(model, inputLen, outputLen, prompts, output));
    cmd.set(0, Executables.resolve(binary, env));
    cmd.addAll(extraArgs);
    return new ProcessSpec(cmd, env, null, timeout, log);
  }

  /** Checks, runs and reads: one row, ok or with the reason it failed. */
  public RunResult run() {
    Path output = outputJson != null ? outputJson : OutputFileRun.temporary("vllm", ".json");
    ProcessSpec spec = spec(output);
    ProcessSpec version =
        new ProcessSpec(List.of(spec.command().get(0), "--version"), env, null, timeout, null);
    Availability tool = Availability.ofCommand("vllm", version);
    LatencyShape shape = shape();
    return OutputFileRun.run(
        identity(),
        tool,
        spec,
        output,
        file -> List.<BenchResult>of(VllmOutput.read(file, model, shape)),
        machine != null ? machine : Machine.describe());
  }

  private LatencyShape shape() {
    return new LatencyShape(inputLen, outputLen, latency ? batchSize : 1);
  }

  private RunIdentity identity() {
    Map<String, String> flags =
        latency
            ? OutputFileRun.flags(
                env, "batch_size", batchSize, "input_len", inputLen, "output_len", outputLen)
            : OutputFileRun.flags(
                env, "num_prompts", prompts, "input_len", inputLen, "output_len", outputLen);
    String test = latency ? "pp" + inputLen + "+tg" + outputLen : "throughput";
    return new RunIdentity(
        "vllm", "CUDA", model, test, latency ? inputLen : 0, latency ? outputLen : 0, flags);
  }

  @Override
  public String toString() {
    return "vllm bench " + (latency ? "latency " : "throughput ") + model;
  }
}
