package dev.tokbench.run.vllm;

import dev.tokbench.Described;
import dev.tokbench.Records;
import dev.tokbench.formats.vllm.LatencyShape;
import java.nio.file.Path;

/**
 * What a vLLM benchmark runs, with vLLM's own defaults: {@link VllmRun}, {@code tokbench run vllm}
 * and a sweep file's {@code framework: vllm} all start from {@link #DEFAULTS}.
 *
 * @param bench {@code latency} ({@code vllm bench latency}) or {@code throughput}
 * @param model a Hugging Face name or a local folder
 * @param binary the {@code vllm} executable: a path, or a name looked up in the run's {@code PATH}
 * @param inputLen prompt tokens per request ({@code --input-len})
 * @param outputLen generated tokens per request ({@code --output-len})
 * @param batchSize latency only: sequences per batch ({@code --batch-size})
 * @param numIters latency only: timed iterations ({@code --num-iters})
 * @param numPrompts throughput only: requests ({@code --num-prompts})
 * @param outputJson where vLLM writes its result; null for a new temporary file
 */
@Described(
    value =
        "Run `vllm bench latency` (the default) or `vllm bench throughput` and append its row;"
            + " `vllm --version` is checked first, and a failure is a not-installed row.",
    more = {"Exit status 3 when the row is not ok."},
    example = {
      "tokbench run vllm --model meta-llama/Llama-3.2-1B-Instruct --input-len 512 \\",
      "    --output-len 128 --batch-size 1 --out results.csv -- --dtype bfloat16"
    })
public record VllmOptions(
    @Described("Which benchmark: latency or throughput.") String bench,
    @Described(value = "A Hugging Face model name or a model folder.", required = true)
        String model,
    @Described("The vllm executable, a path or a name on the PATH.") String binary,
    @Described("Prompt tokens.") int inputLen,
    @Described("Generated tokens.") int outputLen,
    @Described("Latency: sequences per batch.") int batchSize,
    @Described(value = "Latency: timed iterations.", names = "--iters") int numIters,
    @Described(value = "Throughput: requests.", names = "--prompts") int numPrompts,
    @Described(value = "Where vLLM writes its result.", label = "FILE", unset = "a temporary file")
        Path outputJson) {
  /** vLLM's defaults: {@code bench latency}, input 32, output 128, batch 8, 30 iterations. */
  public static final VllmOptions DEFAULTS =
      new VllmOptions(
          "latency",
          null,
          "vllm",
          LatencyShape.DEFAULT.inputLen(),
          LatencyShape.DEFAULT.outputLen(),
          LatencyShape.DEFAULT.batchSize(),
          30,
          1000,
          null);

  public VllmOptions {
    if (!bench.equals("latency") && !bench.equals("throughput")) {
      throw new IllegalArgumentException("bench is latency or throughput, not '" + bench + "'");
    }
  }

  /** True for {@code vllm bench latency}. */
  public boolean latency() {
    return bench.equals("latency");
  }

  /** A copy with one component changed: {@code o.with(VllmOptions::inputLen, 512)}. */
  public <T> VllmOptions with(Records.Component<VllmOptions, T> component, T value) {
    return Records.with(this, component, value);
  }
}
