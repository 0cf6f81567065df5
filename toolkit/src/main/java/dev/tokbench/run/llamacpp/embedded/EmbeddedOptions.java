package dev.tokbench.run.llamacpp.embedded;

import dev.tokbench.Described;
import dev.tokbench.Records;

/**
 * The tests the embedded llama.cpp runs, with llama-bench's defaults: {@code -p 512 -n 128 -r 5},
 * every core. {@link EmbeddedLlama}, the llama-bench flags it honours and {@code tokbench run
 * llama-bench --embedded} all start from {@link #DEFAULTS}.
 *
 * @param prompt prompt tokens of the pp test; 0 skips it
 * @param gen generated tokens of the tg test; 0 skips it
 * @param repetitions timed repetitions of each test, after one warm-up
 * @param threads CPU threads; 0 for every core
 */
public record EmbeddedOptions(
    @Described(value = "Prompt tokens of the pp test; 0 skips it.", names = "-p") int prompt,
    @Described(value = "Generated tokens of the tg test; 0 skips it.", names = "-n") int gen,
    @Described(value = "Repetitions of each test.", names = "-r") int repetitions,
    @Described(value = "CPU threads; 0 for every core.", names = "-t") int threads) {
  /** llama-bench's {@code -p} default. */
  public static final int DEFAULT_PROMPT = 512;

  /** llama-bench's {@code -n} default. */
  public static final int DEFAULT_GEN = 128;

  /** llama-bench's {@code -r} default. */
  public static final int DEFAULT_REPETITIONS = 5;

  /** llama-bench's defaults, on every core. */
  public static final EmbeddedOptions DEFAULTS =
      new EmbeddedOptions(DEFAULT_PROMPT, DEFAULT_GEN, DEFAULT_REPETITIONS, 0);

  public EmbeddedOptions {
    if (prompt < 0 || gen < 0 || prompt + gen == 0) {
      throw new IllegalArgumentException(
          "need -p > 0 or -n > 0 (and neither negative), got -p " + prompt + " -n " + gen);
    }
    if (repetitions < 1)
      throw new IllegalArgumentException("repetitions must be >= 1, got " + repetitions);
    if (threads < 0)
      throw new IllegalArgumentException("threads must be >= 0 (0: every core), got " + threads);
  }

  /** The threads to use: {@link #threads}, or every core when it is 0. */
  public int threadCount() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  /** A copy with one component changed: {@code o.with(EmbeddedOptions::prompt, 64)}. */
  public <T> EmbeddedOptions with(Records.Component<EmbeddedOptions, T> component, T value) {
    return Records.with(this, component, value);
  }
}
