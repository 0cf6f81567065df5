package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextBarsTest {
  private final Report report = Report.from(TestData.orin());

  @Test
  void barIsOneBlockPerUnitAndOneEighthBlockForTheRemainder() {
    assertThat(TextBars.eighthsFor(27.80)).isEqualTo(222);
    assertThat(new TextBars.Bar("x", 27.80).blocks()).isEqualTo("█".repeat(27) + "▊");
    assertThat(new TextBars.Bar("x", 2.95).blocks()).isEqualTo("██▉");
    assertThat(new TextBars.Bar("x", 12.0).blocks()).isEqualTo("█".repeat(12));
    assertThat(TextBars.eighths("██▉")).isEqualTo(23);
    assertThatThrownBy(() -> TextBars.eighths("##")).hasMessageContaining("'#'");
  }

  @Test
  void chartsAreSortedLongestFirstWithAlignedValues() {
    TextBars b = report.bars("decode-1b-q6k");
    assertThat(b.render())
        .isEqualTo(
            "llama.cpp +FA "
                + "█".repeat(27)
                + "▊ 27.80 tok/s\n"
                + "llama.cpp     "
                + "█".repeat(25)
                + "▌   25.59 tok/s\n"
                + "tinygrad NV=1 ███████▌                      7.59 tok/s\n"
                + "tinygrad CUDA ███████▍                      7.44 tok/s\n");
    assertThat(report.bars().stream().map(TextBars::key))
        .containsExactly("decode-1b-q6k", "decode-3b-q6k", "llama-cpp-decode");
  }

  @Test
  void everyPublishedBarIsWithinTwoEighthsOfTheRule() {
    List<DrawnBar> drawn = report.data().drawnBars();
    assertThat(drawn).hasSize(16);
    assertThat(drawn).allSatisfy(b -> assertThat(Math.abs(b.deviation())).isLessThanOrEqualTo(2));
  }

  @Test
  void theDeviatingPublishedBarsAreNamed() {
    List<String> off =
        report.data().drawnBars().stream()
            .filter(b -> b.deviation() != 0)
            .map(
                b ->
                    b.chart()
                        + " "
                        + b.label()
                        + " "
                        + (b.deviation() > 0 ? "+" : "")
                        + b.deviation())
            .toList();
    assertThat(off)
        .containsExactly(
            "decode-1b-q6k llama.cpp +FA +2",
            "decode-3b-q6k llama.cpp +FA +1",
            "decode-3b-q6k tinygrad NV=1 +1",
            "llama-cpp-decode Qwen3 1.7B Q4_K_M +1",
            "llama-cpp-decode LLaMA 3B Q6_K +FA +1");
    assertThat(report.table("bar-deviations").rows()).hasSize(16);
  }

  @Test
  void ourBarsAgreeWithThePublishedOnesWhereTheyFollowTheRule() {
    for (DrawnBar d : report.data().drawnBars()) {
      TextBars chart = report.bars(d.chart());
      TextBars.Bar ours =
          chart.bars().stream().filter(b -> b.value() == d.value()).findFirst().orElseThrow();
      if (d.deviation() == 0) assertThat(ours.blocks()).isEqualTo(d.drawn());
    }
  }

  @Test
  void largeValuesGetACoarserBlockSoBarsStayShort() {
    Report h100 = Report.from(TestData.h100());
    TextBars b = h100.bars("llama-cpp-decode");
    assertThat(b.perBlock()).isEqualTo(20.0);
    assertThat(b.bars().get(0).blocks(b.perBlock()).length())
        .isLessThanOrEqualTo(TextBars.MAX_BLOCKS + 1);
    assertThat(b.markdown()).contains("One █ = 20 tok/s.");
  }
}
