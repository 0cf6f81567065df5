package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import dev.tokbench.cli.Main;
import dev.tokbench.report.PublishedDiff.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regenerated Orin report against the published text: every difference, with its reason, is
 * held here, so a change to either that adds, drops or re-explains a difference fails; a planted
 * change to the published text is reported as unexplained and makes the command exit 1.
 */
class PublishedDiffTest {
  @TempDir Path tmp;

  /** Section | kind | reason | detail, in the regenerated report's order. */
  private static final String ORIN =
      """
      (title and header) | added | verdict | `theoretical-bandwidth` holds
      Executive Summary | added | verdict | `framework-count` partly
      Executive Summary | added | verdict | `llama-lead` partly
      Executive Summary | added | verdict | `nv-over-cuda` partly
      Executive Summary | added | verdict | `fa-decode-gain` holds
      Executive Summary | added | verdict | `fa-prefill-gain` partly
      1. tinygrad Results | added | verdict | `beam-search-speed` cannot be checked
      1. tinygrad Results | added | verdict | `tinygrad-ms-per-token` holds
      1. tinygrad Results › Observations | added | verdict | `nv-over-cuda` partly
      1. tinygrad Results › Observations | added | verdict | `enqueue-latency` cannot be checked
      1. tinygrad Results › Observations | added | verdict | `tinygrad-quant` holds
      1. tinygrad Results › Observations | added | verdict | `tinygrad-scaling` holds
      1. tinygrad Results › Observations | added | verdict | `params-ratio` holds
      1. tinygrad Results › Observations | added | verdict | `beam-gain` holds
      1. tinygrad Results › Observations | added | verdict | `beam-search-time` cannot be checked
      2. llama.cpp Results | added | verdict | `repetitions` holds
      2. llama.cpp Results | added | verdict | `test-sizes` holds
      2. llama.cpp Results › Observations | added | verdict | `fa-decode-gain` holds
      2. llama.cpp Results › Observations | added | verdict | `fa-prefill-gain` partly
      2. llama.cpp Results › Observations | added | verdict | `fa-always` holds
      2. llama.cpp Results › Observations | added | verdict | `q4-faster` holds
      2. llama.cpp Results › Observations | added | verdict | `q4-traffic` does not hold
      2. llama.cpp Results › Observations | added | verdict | `llama-scaling` holds
      2. llama.cpp Results › Observations | added | verdict | `qwen-fastest` holds
      2. llama.cpp Results › Observations | added | verdict | `low-variance` partly
      4. Head-to-Head Comparison › LLaMA 3.2 1B Instruct Q6_K — Decode Speed | changed | bar rule | llama.cpp +FA 27.80: published 224 eighths, floor(27.80 × 8) = 222 (+2)
      4. Head-to-Head Comparison › LLaMA 3.2 1B Instruct Q6_K — Decode Speed | added | chart | chart decode-1b-q6k
      4. Head-to-Head Comparison › LLaMA 3.2 3B Instruct Q6_K — Decode Speed | changed | bar rule | llama.cpp +FA 11.98: published 96 eighths, floor(11.98 × 8) = 95 (+1)
      4. Head-to-Head Comparison › LLaMA 3.2 3B Instruct Q6_K — Decode Speed | changed | bar rule | tinygrad NV=1 2.95: published 24 eighths, floor(2.95 × 8) = 23 (+1)
      4. Head-to-Head Comparison › LLaMA 3.2 3B Instruct Q6_K — Decode Speed | added | chart | chart decode-3b-q6k
      4. Head-to-Head Comparison › llama.cpp — All Models Decode Speed | changed | label spacing | 'LLaMA 1B Q4_K_M+FA' → 'LLaMA 1B Q4_K_M +FA'
      4. Head-to-Head Comparison › llama.cpp — All Models Decode Speed | changed | bar rule | Qwen3 1.7B Q4_K_M 22.36: published 179 eighths, floor(22.36 × 8) = 178 (+1)
      4. Head-to-Head Comparison › llama.cpp — All Models Decode Speed | changed | bar rule | LLaMA 3B Q6_K +FA 11.98: published 96 eighths, floor(11.98 × 8) = 95 (+1)
      4. Head-to-Head Comparison › llama.cpp — All Models Decode Speed | added | chart | chart llama-cpp-decode
      4. Head-to-Head Comparison › Published bars against floor(value × 8) eighths | added | computed | a table of 16 rows
      5. Analysis › Why is llama.cpp 3.4× faster? | added | verdict | `llama-lead-1b` holds
      5. Analysis › Why is llama.cpp 3.4× faster? | added | verdict | `beam-gain` holds
      5. Analysis › Memory Bandwidth Utilization | changed | corrected | claim `bandwidth-percent-tinygrad-nv-3b-q6k` does not hold: 65.5 GB/s ÷ 205.0 GB/s = 31.95%, 32.0% at the published precision; published 31.9%
      5. Analysis › Memory Bandwidth Utilization | added | verdict | `bandwidth-percent-tinygrad-nv-1b-q6k` holds
      5. Analysis › Memory Bandwidth Utilization | added | verdict | `bandwidth-percent-tinygrad-nv-3b-q6k` does not hold
      5. Analysis › Memory Bandwidth Utilization | added | verdict | `bandwidth-percent-llama-cpp-1b-q6k` holds
      5. Analysis › Memory Bandwidth Utilization | added | verdict | `bandwidth-percent-llama-cpp-fa-1b-q6k` holds
      5. Analysis › Memory Bandwidth Utilization | added | verdict | `bandwidth-estimate-llama-cpp-1b-q6k` holds
      5. Analysis › Memory Bandwidth Utilization | added | verdict | `bandwidth-estimate-llama-cpp-fa-1b-q6k` holds
      5. Analysis › Memory Bandwidth Utilization | added | verdict | `tinygrad-higher-bandwidth` holds
      5. Analysis › The BEAM Gap | added | verdict | `beam-ahead` holds
      5. Analysis › Decode against the bandwidth ceiling | added | computed | a table of 14 rows; chart decode-ceiling
      5. Analysis › Ratios | added | computed | a table of 24 rows
      8. Next Steps | added | verdict | `size-8b` partly
      8. Next Steps | added | verdict | `fits-70b` holds
      """;

  @Test
  void everyDifferenceFromThePublishedOrinReportIsHeldWithItsReason() {
    PublishedDiff d = Report.from(TestData.orin()).diffPublished();
    assertThat(d.summaries()).containsExactlyElementsOf(ORIN.strip().lines().toList());
    assertThat(d.unexplained()).isEmpty();
    // no section of the published report is missing or renamed: only additions of our own
    assertThat(d.differences())
        .noneMatch(x -> x.regenerated().isEmpty())
        .allMatch(x -> !x.published().isEmpty() || x.kind().equals("added"));
  }

  @Test
  void aFigureChangedInThePublishedTextIsUnexplained() throws IOException {
    Report orin = Report.from(TestData.orin());
    String published = Files.readString(TestData.orin().resolve(PublishedDiff.FILE));
    String planted = published.replace("| 1197.85 ± 8.47 |", "| 1197.95 ± 8.47 |");
    assertThat(planted).isNotEqualTo(published);
    PublishedDiff d = PublishedDiff.of(planted, orin.markdown(), new DiffReasons(orin));
    assertThat(d.unexplained())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.section()).isEqualTo("2. llama.cpp Results › Full Results Table");
              assertThat(x.published()).contains("1197.95");
              assertThat(x.regenerated()).contains("1197.85");
            });
  }

  @Test
  void aSectionDroppedFromTheRegeneratedTextIsUnexplained() throws IOException {
    Report orin = Report.from(TestData.orin());
    String published = Files.readString(TestData.orin().resolve(PublishedDiff.FILE));
    String regenerated = orin.markdown().replaceFirst("(?s)## 8\\. Next Steps.*", "");
    PublishedDiff d = PublishedDiff.of(published, regenerated, new DiffReasons(orin));
    assertThat(d.unexplained())
        .singleElement()
        .satisfies(x -> assertThat(x.section()).isEqualTo("8. Next Steps"));
    assertThat(d.unexplained().get(0).reason()).isEqualTo(Reason.UNEXPLAINED);
  }

  @Test
  void theCommandWritesTheDiffAndExitsOneOnAnUnexplainedDifference() throws IOException {
    Path folder = copyOfOrin();
    Path published = folder.resolve(PublishedDiff.FILE);
    Path out = tmp.resolve("out");
    String[] args = {
      "report", "--data", folder.toString(), "--out", out.toString(), "--diff-published"
    };
    assertThat(Main.execute(args)).isZero();
    assertThat(Files.readString(out.resolve("published-diff.md")))
        .contains("| unexplained | 0 |", "| bar rule | 5 |", "## 8. Next Steps");
    Files.writeString(
        published, Files.readString(published).replace("(3.8 ms NV vs", "(3.9 ms NV vs"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.execute(args)).isEqualTo(1);
    } finally {
      System.setErr(old);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unexplained: 1. tinygrad Results");
  }

  @Test
  void aFolderWithoutAPublishedReportSaysSo() {
    assertThatThrownBy(() -> Report.from(TestData.h100()).diffPublished())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("published-report.md does not exist");
  }

  private Path copyOfOrin() throws IOException {
    Path copy = tmp.resolve("orin");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(TestData.orin())) {
      for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
    }
    return copy;
  }
}
