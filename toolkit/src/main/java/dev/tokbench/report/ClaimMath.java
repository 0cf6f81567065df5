package dev.tokbench.report;

/** Small helpers the claim checks share. */
final class ClaimMath {
  private ClaimMath() {}

  static double percentGain(double candidate, double baseline) {
    return (candidate / baseline - 1) * 100;
  }

  static Verdict verdict(boolean holds) {
    return holds ? Verdict.HOLDS : Verdict.DOES_NOT_HOLD;
  }

  /** All of them: holds; some: partly; none: does not hold. */
  static Verdict share(int matching, int total) {
    return matching == total
        ? Verdict.HOLDS
        : matching > 0 ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
  }
}
