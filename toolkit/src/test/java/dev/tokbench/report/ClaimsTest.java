package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClaimsTest {
  private static Map<String, Claim> claims(java.nio.file.Path dir) {
    List<Claim> all = Report.from(dir).claims();
    return all.stream().collect(Collectors.toMap(Claim::id, c -> c));
  }

  private final Map<String, Claim> orin = claims(TestData.orin());

  private void assertVerdict(String id, Verdict v, String... computed) {
    Claim c = orin.get(id);
    assertThat(c).as(id).isNotNull();
    assertThat(c.verdict()).as(c.toString()).isEqualTo(v);
    assertThat(c.computed()).contains(computed);
  }

  @Test
  void frameworkGapHoldsOnlyForThePairsWithoutFlashAttention() {
    assertVerdict("llama-lead", Verdict.PARTLY, "3.37-3.78×", "with FA: 3.66-4.09×", "4.18-4.71×");
    assertVerdict("llama-lead-1b", Verdict.HOLDS, "3.37×");
    assertVerdict("framework-count", Verdict.PARTLY, "4 frameworks", "(2 + 2 = 4)");
  }

  @Test
  void nvIsTwoPercentFasterOnTheOneBModelsOnly() {
    assertVerdict(
        "nv-over-cuda", Verdict.PARTLY, "1B Q6_K +2.0%", "1B Q4_K_M +2.0%", "3B Q6_K +0.7%");
  }

  @Test
  void flashAttentionPromptGainFailsOnTheThreeBRow() {
    assertVerdict("fa-decode-gain", Verdict.HOLDS, "+8.6%", "+10.4%", "+8.0%");
    assertVerdict("fa-prefill-gain", Verdict.PARTLY, "+27.2%", "+29.8%", "3B Q6_K +14.2%");
    assertVerdict("fa-always", Verdict.HOLDS, "8.0-29.8%");
  }

  @Test
  void quantizationClaims() {
    assertVerdict("q4-faster", Verdict.HOLDS, "+23.1%");
    assertVerdict("q4-traffic", Verdict.DOES_NOT_HOLD, "+38.7%", "26.6 to 23.6 GB/s");
    assertVerdict("tinygrad-quant", Verdict.HOLDS, "NV -0.7%", "CUDA -0.7%");
  }

  @Test
  void scalingClaims() {
    assertVerdict("tinygrad-scaling", Verdict.HOLDS, "2.54-2.57×");
    assertVerdict("params-ratio", Verdict.HOLDS, "2.47× in bytes", "2.60×");
    assertVerdict("llama-scaling", Verdict.HOLDS, "FA off 2.31×");
    assertVerdict("qwen-fastest", Verdict.HOLDS, "37.40 tok/s", "0.67 GB");
  }

  @Test
  void varianceIsLowForDecodeButNotForPromptProcessing() {
    assertVerdict("low-variance", Verdict.PARTLY, "decode 0.24", "prompt processing 8.47");
  }

  @Test
  void beamClaimsUseTheQuotedPriorSessionFigure() {
    assertVerdict("beam-gain", Verdict.HOLDS, "4.84×");
    assertVerdict("beam-ahead", Verdict.HOLDS, "+43.5%", "+32.1%");
  }

  @Test
  void oneBandwidthPercentDoesNotFollowFromItsInputs() {
    assertVerdict("bandwidth-percent-tinygrad-nv-1b-q6k", Verdict.HOLDS, "32.83%");
    assertVerdict(
        "bandwidth-percent-tinygrad-nv-3b-q6k", Verdict.DOES_NOT_HOLD, "31.95%", "published 31.9%");
    assertVerdict("bandwidth-percent-llama-cpp-1b-q6k", Verdict.HOLDS, "12.98%");
    assertVerdict("bandwidth-percent-llama-cpp-fa-1b-q6k", Verdict.HOLDS, "14.10%");
    assertVerdict("bandwidth-estimate-llama-cpp-1b-q6k", Verdict.HOLDS, "26.61 GB/s");
    assertVerdict("bandwidth-estimate-llama-cpp-fa-1b-q6k", Verdict.HOLDS, "28.91 GB/s");
    assertVerdict("tinygrad-higher-bandwidth", Verdict.HOLDS, "65.1-67.3");
    assertVerdict("theoretical-bandwidth", Verdict.HOLDS, "204.8 GB/s");
  }

  @Test
  void remainingClaims() {
    assertVerdict("tinygrad-ms-per-token", Verdict.HOLDS, "6 rows");
    assertVerdict("enqueue-latency", Verdict.NOT_CHECKABLE, "8.5 ms");
    assertVerdict("fits-70b", Verdict.HOLDS, "39.4 GB");
    assertVerdict("size-8b", Verdict.PARTLY, "Q4_K 4.5 GB", "Q8_0 8.5 GB");
    assertVerdict("repetitions", Verdict.HOLDS, "16 llama.cpp rows, repetitions [3]");
    assertVerdict("test-sizes", Verdict.HOLDS, "[pp512, tg128]");
    assertVerdict("beam-search-speed", Verdict.NOT_CHECKABLE, "1.1 tok/s");
    assertVerdict("beam-search-time", Verdict.NOT_CHECKABLE, "no BEAM search was timed");
    assertThat(orin).hasSize(33);
  }

  /**
   * claims.md of main 48f0b2d, when the 33 claims were Java classes: the file gives it unchanged.
   */
  @Test
  void theOrinClaimsFileGivesTheClaimsTheJavaClassesGave() throws java.io.IOException {
    String before;
    try (var in = ClaimsTest.class.getResourceAsStream("orin-claims-48f0b2d.md")) {
      before = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertThat(Report.from(TestData.orin()).claimsMarkdown()).isEqualTo(before);
  }

  @Test
  void aFolderWithoutAClaimsFileMakesNoClaims() {
    Report h100 = Report.from(TestData.h100());
    assertThat(h100.hasClaims()).isFalse();
    assertThat(h100.claims()).isEmpty();
    assertThat(h100.markdown()).doesNotContain("Claims the text does not place", "**holds**");
    assertThat(h100.html()).doesNotContain("Claims and verdicts", "class=\"verdict");
  }
}
