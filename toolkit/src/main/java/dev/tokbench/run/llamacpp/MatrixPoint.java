package dev.tokbench.run.llamacpp;

import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.results.BenchResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One test of a llama-bench matrix: what it runs and with which of the given settings, under the
 * names llama-bench's jsonl rows use ({@code n_gpu_layers}, {@code flash_attn}, {@code type_k}).
 * Settings left at llama-bench's defaults are not named.
 *
 * @param index its place in the whole matrix, from 0
 * @param model the model file as given to {@code -m}; empty for llama-bench's default
 * @param nPrompt prompt tokens
 * @param nGen generated tokens
 * @param nDepth tokens in the context before the test ({@code -d})
 * @param settings the other parameters given, by jsonl field name
 */
public record MatrixPoint(
    int index, String model, int nPrompt, int nGen, int nDepth, Map<String, String> settings) {
  public MatrixPoint {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** llama-bench's name for the test: {@code pp512}, {@code tg128 @ d4096}. */
  public String test() {
    return LlamaBenchOutput.testName(nPrompt, nGen, nDepth);
  }

  /**
   * True when {@code row}, a row llama-bench printed, is this test: the same model file, lengths
   * and depth, and the same whole-number settings where they were given. A row that is not means
   * the expansion and llama-bench disagree (another version's order), so the next test is unknown.
   */
  public boolean isRowOf(BenchResult row) {
    String file = row.extra().get("model_filename");
    if (!model.isEmpty() && file != null && !file.equals(model)) return false;
    if (row.nPrompt() != nPrompt || row.nGen() != nGen || row.nDepth() != nDepth) return false;
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String printed = row.flags().get(e.getKey());
      if (printed != null && e.getValue().matches("-?\\d+") && !printed.equals(e.getValue()))
        return false;
    }
    return true;
  }

  @Override
  public String toString() {
    return "test " + (index + 1) + ": " + model + " " + test() + " " + settings;
  }
}
