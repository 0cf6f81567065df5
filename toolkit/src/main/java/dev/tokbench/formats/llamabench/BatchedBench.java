package dev.tokbench.formats.llamabench;

import dev.tokbench.ReadLimits;
import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * llama-batched-bench's {@code --output-format jsonl}: one line per prompt size, generation size
 * and number of parallel sequences ({@code -npp 128,512 -ntg 128 -npl 1,2,4 …}), each the rates of
 * one pass: prompt processing over every sequence's prompt ({@code speed_pp}) and decoding every
 * sequence at once ({@code speed_tg}). {@code BatchedBench.read(Path.of("batched-8b.jsonl"))} gives
 * two rows per line: {@code pp128} and {@code tg128 @ d128} (decoding starts after the prompt, so
 * at its depth), framework {@link #FRAMEWORK}, the sequence count in flag {@link #PARALLEL}.
 *
 * <p>The tool prints no model name, so the model and quantization come from the file's name ({@code
 * llama-3.1-8b-Q4_K_M.jsonl}) or from {@code import --model/--quant}. A rate is aggregate: tokens
 * of every sequence per second of the pass. Limits: {@link ReadLimits#LLAMA_BENCH}.
 */
public final class BatchedBench {
  /** The framework label of its rows: llama.cpp, under another tool, kept apart in tables. */
  public static final String FRAMEWORK = "llama.cpp (batched-bench)";

  /** The flag that holds {@code pl}, the number of parallel sequences. */
  public static final String PARALLEL = "parallel";

  private static final List<String> FLAGS =
      List.of("n_kv_max", "n_batch", "n_ubatch", "is_pp_shared", "n_gpu_layers", "n_threads");

  private BatchedBench() {}

  /** The rows of a saved output, the model named by the file ({@code MODEL-QUANT.jsonl}). */
  public static List<BenchResult> read(Path file) {
    return read(file, "", "");
  }

  /**
   * The rows of a saved output of {@code model} in {@code quant}; where either is empty, what the
   * file's name says ({@code llama-3.1-8b-Q4_K_M.jsonl}).
   */
  public static List<BenchResult> read(Path file, String model, String quant) {
    String text = ReadLimits.LLAMA_BENCH.read(file);
    String name = file.getFileName().toString().replaceFirst("\\.jsonl?$", "");
    String q = quant.isEmpty() ? quantOf(name) : quant;
    String m = model.isEmpty() ? LlamaBenchNames.modelName(name, q) : model;
    return parse(text, file.toString(), m, q);
  }

  /**
   * The rows of printed output; {@code modelFile} names the model as llama-bench's file names do
   * ({@code llama-3.2-1b-Q4_K_M}: model and quantization), {@code source} names the input in
   * errors.
   *
   * @throws BatchedBenchException naming the line and key of the first thing that is wrong
   */
  public static List<BenchResult> parse(String text, String source, String modelFile) {
    String quant = quantOf(modelFile);
    return parse(text, source, LlamaBenchNames.modelName(modelFile, quant), quant);
  }

  private static List<BenchResult> parse(String text, String source, String model, String quant) {
    List<BenchResult> rows = new ArrayList<>();
    long lineNo = 0;
    for (String line : (Iterable<String>) text.lines()::iterator) {
      lineNo++;
      if (line.isBlank()) continue;
      Map<String, String> f = LlamaBenchParsers.jsonLineFields(line, source, lineNo);
      rows.addAll(new BatchedBenchLine(f, source, lineNo).rows(model, quant));
    }
    if (rows.isEmpty()) {
      throw new BatchedBenchException(source, 1, "", "no llama-batched-bench line in the file");
    }
    return rows;
  }

  /**
   * True when the text's first line is one of llama-batched-bench's JSON lines (it starts with
   * {@code n_kv_max} and has {@code speed_pp}), which no other tool prints.
   */
  public static boolean recognises(String text) {
    String first = text.stripLeading().lines().findFirst().orElse("");
    return first.startsWith("{")
        && first.contains("\"n_kv_max\"")
        && first.contains("\"speed_pp\"")
        && first.contains("\"pl\"");
  }

  /** The quantization a file name ends in ({@code -Q4_K_M}), or empty. */
  static String quantOf(String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?i)[-_.]((?:I?Q\\d(?:_[A-Z0-9]+)*)|F16|BF16|F32)$")
            .matcher(name);
    return m.find() ? m.group(1).toUpperCase(java.util.Locale.ROOT) : "";
  }

  static List<String> flagKeys() {
    return FLAGS;
  }
}
