package dev.tokbench.results;

/**
 * The invariants every {@link BenchResult} holds, apart from the record so that it reads as its
 * fields: counts are never negative, sizes are known or -1, and an ok row has a rate.
 */
final class RowChecks {
  private RowChecks() {}

  static String requireText(String s, String name) {
    if (s == null || s.isBlank()) throw new IllegalArgumentException(name + " must not be empty");
    return s;
  }

  static void counts(int nPrompt, int nGen, int nDepth, long modelBytes, long nParams) {
    if (nPrompt < 0 || nGen < 0 || nDepth < 0) {
      String counts = "n_prompt=" + nPrompt + " n_gen=" + nGen + " n_depth=" + nDepth;
      throw new IllegalArgumentException("token counts must be >= 0, got " + counts);
    }
    if (modelBytes < -1 || nParams < -1) {
      throw new IllegalArgumentException(
          "model_bytes and n_params must be >= 0, or -1 when unknown, got "
              + modelBytes
              + " and "
              + nParams);
    }
  }

  /** An ok row's tokens per second: finite and not negative. */
  static void rate(double tokensPerSMean, String model, String test) {
    if (!(tokensPerSMean >= 0 && Double.isFinite(tokensPerSMean))) {
      throw new IllegalArgumentException(
          "an ok row needs tokens/s, finite and >= 0, got "
              + tokensPerSMean
              + " for "
              + model
              + " "
              + test);
    }
  }
}
