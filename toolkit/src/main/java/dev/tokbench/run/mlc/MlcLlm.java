package dev.tokbench.run.mlc;

import dev.tokbench.run.Availability;
import java.nio.file.Path;
import java.util.List;

/**
 * MLC LLM's benchmark, {@code python -m mlc_llm.bench}, as a run of a compiled model: {@code
 * MlcLlm.bench(modelDir, modelLib).requests(16).run()}. Its {@code --output} CSV is read by {@link
 * dev.tokbench.formats.mlc.MlcOutput}.
 */
public final class MlcLlm {
  private MlcLlm() {}

  /** A benchmark run of a compiled model: its folder (weights, tokenizer) and model library. */
  public static MlcRun bench(Path modelDir, Path modelLib) {
    return MlcRun.of(
        MlcOptions.DEFAULTS
            .with(MlcOptions::modelDir, modelDir)
            .with(MlcOptions::modelLib, modelLib));
  }

  /** {@code python3 -c 'import mlc_llm'}, as a row-ready answer. */
  public static Availability check(String python) {
    return Availability.ofPythonModule("mlc-llm", python, "mlc_llm");
  }

  /**
   * {@code python3 -m mlc_llm.bench --tokenizer DIR --mlc-model-lib LIB --num-gpus 1 --num-requests
   * N --num-concurrent-requests 1 --input-len I --output-len O --host 127.0.0.1 --port 8000
   * --output F}: with {@code --mlc-model-lib} the bench starts its own server on that local port.
   */
  public static List<String> benchCommand(
      String python,
      Path tokenizer,
      Path modelLib,
      int requests,
      int inputLen,
      int outputLen,
      Path output) {
    return List.of(
        python,
        "-m",
        "mlc_llm.bench",
        "--tokenizer",
        tokenizer.toString(),
        "--mlc-model-lib",
        modelLib.toString(),
        "--num-gpus",
        "1",
        "--num-requests",
        Integer.toString(requests),
        "--num-concurrent-requests",
        "1",
        "--input-len",
        Integer.toString(inputLen),
        "--output-len",
        Integer.toString(outputLen),
        "--host",
        "127.0.0.1",
        "--port",
        "8000",
        "--output",
        output.toString());
  }
}
