package dev.tokbench.run.mlc;

import dev.tokbench.Described;
import dev.tokbench.Records;
import java.nio.file.Path;

/**
 * What an MLC LLM benchmark runs, with its defaults: {@link MlcRun}, {@code tokbench run mlc} and a
 * sweep file's {@code framework: mlc} all start from {@link #DEFAULTS}.
 *
 * @param modelDir the compiled model's folder (weights, tokenizer)
 * @param modelLib the compiled model library ({@code .so})
 * @param python the interpreter that has {@code mlc_llm}: a path, or a name in the run's PATH
 * @param name the model's name in rows; null for the model folder's name
 * @param numRequests requests ({@code --num-requests})
 * @param inputLen prompt tokens per request ({@code --input-len})
 * @param outputLen generated tokens per request ({@code --output-len})
 * @param output where the bench writes its CSV; null for a new temporary file
 */
@Described(
    value =
        "Run MLC LLM's benchmark (python -m mlc_llm.bench, which starts its own server for the"
            + " model library) and append one row per pipeline; `import mlc_llm` is checked first.",
    more = {"Exit status 3 when a row is not ok."},
    example = {
      "tokbench run mlc --model-dir dist/Llama-3.2-1B-Instruct-q4f16_1-MLC \\",
      "    --model-lib dist/libs/llama-cuda.so --input-len 512 --output-len 128 \\",
      "    --out results.csv"
    })
public record MlcOptions(
    @Described(value = "The compiled model's folder.", label = "DIR", required = true)
        Path modelDir,
    @Described(value = "The compiled model library (.so).", label = "FILE", required = true)
        Path modelLib,
    @Described("The interpreter that has mlc_llm.") String python,
    @Described(value = "The model's name in rows.", unset = "the folder's name") String name,
    @Described(value = "Requests.", names = "--requests") int numRequests,
    @Described("Prompt tokens.") int inputLen,
    @Described("Generated tokens.") int outputLen,
    @Described(
            value = "Where the bench writes its CSV.",
            label = "FILE",
            unset = "a temporary file")
        Path output) {
  /** python3, 16 requests of 128 prompt and 256 generated tokens. */
  public static final MlcOptions DEFAULTS =
      new MlcOptions(Path.of("."), Path.of(""), "python3", null, 16, 128, 256, null);

  /** The model's name in rows: {@link #name}, else the model folder's name. */
  public String modelName() {
    return name != null ? name : modelDir.getFileName().toString();
  }

  /** A copy with one component changed: {@code o.with(MlcOptions::numRequests, 4)}. */
  public <T> MlcOptions with(Records.Component<MlcOptions, T> component, T value) {
    return Records.with(this, component, value);
  }
}
