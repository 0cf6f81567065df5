package dev.tokbench.run.vllm;

import dev.tokbench.formats.vllm.LatencyShape;
import dev.tokbench.run.Availability;
import java.nio.file.Path;
import java.util.List;

/**
 * vLLM's offline benchmarks, {@code vllm bench latency} and {@code vllm bench throughput}, as runs:
 * {@code Vllm.latency("meta-llama/Llama-3.2-1B-Instruct").inputLen(512).run()}. Their {@code
 * --output-json} files are read by {@link dev.tokbench.formats.vllm.VllmOutput}.
 */
public final class Vllm {
  private Vllm() {}

  /** A {@code vllm bench latency} run of this model (a Hugging Face name or a local folder). */
  public static VllmRun latency(String model) {
    return VllmRun.of(VllmOptions.DEFAULTS.with(VllmOptions::model, model));
  }

  /** A {@code vllm bench throughput} run of this model. */
  public static VllmRun throughput(String model) {
    return VllmRun.of(
        VllmOptions.DEFAULTS
            .with(VllmOptions::bench, "throughput")
            .with(VllmOptions::model, model));
  }

  /** {@code python3 -c 'import vllm'}, as a row-ready answer. */
  public static Availability check(String python) {
    return Availability.ofPythonModule("vllm", python, "vllm");
  }

  /**
   * {@code vllm bench latency --model M --input-len I --output-len O --batch-size B --output-json
   * F}.
   */
  public static List<String> latencyCommand(
      String model, LatencyShape shape, int iters, Path outputJson) {
    return List.of(
        "vllm",
        "bench",
        "latency",
        "--model",
        model,
        "--input-len",
        Integer.toString(shape.inputLen()),
        "--output-len",
        Integer.toString(shape.outputLen()),
        "--batch-size",
        Integer.toString(shape.batchSize()),
        "--num-iters",
        Integer.toString(iters),
        "--output-json",
        outputJson.toString());
  }

  /**
   * {@code vllm bench throughput --model M --input-len I --output-len O --num-prompts N
   * --output-json F}.
   */
  public static List<String> throughputCommand(
      String model, int inputLen, int outputLen, int prompts, Path outputJson) {
    return List.of(
        "vllm",
        "bench",
        "throughput",
        "--model",
        model,
        "--input-len",
        Integer.toString(inputLen),
        "--output-len",
        Integer.toString(outputLen),
        "--num-prompts",
        Integer.toString(prompts),
        "--output-json",
        outputJson.toString());
  }
}
