package dev.tokbench.results;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a results CSV file, in the order they are written; a reader finds each one's place
 * in a file's header once and then takes its cells by index.
 */
enum ResultsColumn {
  FRAMEWORK,
  BACKEND,
  MODEL,
  QUANT,
  TEST,
  N_PROMPT,
  N_GEN,
  N_DEPTH,
  FLASH_ATTN,
  TOKENS_PER_S_MEAN,
  TOKENS_PER_S_STDDEV,
  SAMPLES_TS,
  MODEL_BYTES,
  N_PARAMS,
  DEVICE,
  STATUS,
  REASON,
  FLAGS,
  PROVENANCE,
  EXTRA;

  /** The name in the header: {@code tokens_per_s_mean}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every column's name in the header, in order. */
  static List<String> labels() {
    return Arrays.stream(values()).map(ResultsColumn::label).toList();
  }
}
