package dev.tokbench.run.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.results.BenchResult;
import dev.tokbench.testing.RunFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** llama-bench's matrix expanded in its own order, checked against rows real runs printed. */
class LlamaBenchMatrixTest {
  private static List<MatrixPoint> points(LlamaBenchMatrix m) {
    List<MatrixPoint> out = new ArrayList<>();
    for (int i = 0; i < m.size(); i++) out.add(m.point(i));
    return out;
  }

  private static void assertSameOrder(LlamaBenchMatrix m, List<BenchResult> printed) {
    assertThat(m.expanded()).isTrue();
    assertThat(m.size()).isEqualTo(printed.size());
    for (int i = 0; i < printed.size(); i++) {
      assertThat(m.point(i).isRowOf(printed.get(i))).as("test %d: %s", i, m.point(i)).isTrue();
    }
  }

  @Test
  void modelsThenFlashAttentionThenPromptAndGenerationAsTheCpuRunPrintedThem() {
    LlamaBenchMatrix m =
        LlamaBenchMatrix.of(
            List.of(
                "-m",
                "tiny-llama-F16.gguf",
                "-m",
                "tiny-llama-Q8_0.gguf",
                "-p",
                "64",
                "-n",
                "32",
                "-r",
                "3",
                "-t",
                "2",
                "-fa",
                "off,on"));

    assertSameOrder(m, LlamaBenchOutput.read(RunFixtures.path("llama-bench/cpu-tiny.json")));
    assertThat(m.point(3).settings())
        .containsEntry("flash_attn", "on")
        .containsEntry("n_threads", "2");
  }

  @Test
  void threadsAreOutsideDepthAsInTheDepthRun() {
    LlamaBenchMatrix m =
        LlamaBenchMatrix.of(
            List.of(
                "-m",
                "tiny-qwen3-F16.gguf",
                "-p",
                "0",
                "-n",
                "16",
                "-d",
                "0,256",
                "-r",
                "2",
                "-t",
                "1,2"));

    assertSameOrder(
        m, LlamaBenchOutput.read(RunFixtures.path("llama-bench/cpu-tiny-depth-threads.json")));
    assertThat(m.point(1).test()).isEqualTo("tg16 @ d256");
  }

  @Test
  void theH100ReportMatrix() {
    String dir = "/tmp/models/";
    LlamaBenchMatrix m =
        LlamaBenchMatrix.of(
            List.of(
                "-m",
                dir + "llama-3.2-1b-Q6_K.gguf," + dir + "llama-3.2-1b-Q4_K_M.gguf",
                "-m",
                dir + "llama-3.2-3b-Q6_K.gguf",
                "-p",
                "512",
                "-n",
                "128",
                "-r",
                "3",
                "-fa",
                "0,1",
                "-ngl",
                "99",
                "-o",
                "json"));

    assertSameOrder(
        m, LlamaBenchOutput.read(RunFixtures.path("llama-bench/h100-report-matrix.json")));
  }

  @Test
  void defaultsPromptAndGenerationAndPairsComeLastLeavingOutZeros() {
    LlamaBenchMatrix m =
        LlamaBenchMatrix.of(
            List.of("-m", "a.gguf", "-n", "0,64", "-pg", "512,128", "-pg", "0,0", "-d", "0,2048"));

    assertThat(points(m))
        .extracting(MatrixPoint::test)
        .containsExactly(
            "pp512", "tg64", "pp512+tg128", "pp512 @ d2048", "tg64 @ d2048", "pp512+tg128 @ d2048");
  }

  @Test
  void repeatedFlagsAddAndRangesExpand() {
    LlamaBenchMatrix m =
        LlamaBenchMatrix.of(
            List.of(
                "-m", "a.gguf", "-p", "1", "-n", "0", "-ngl", "0-99+33", "-ngl", "-1", "-mg", "0",
                "-mg", "1,2"));

    assertThat(points(m))
        .extracting(p -> p.settings().get("n_gpu_layers") + "/" + p.settings().get("main_gpu"))
        .containsExactly(
            "0/1", "0/2", "33/1", "33/2", "66/1", "66/2", "99/1", "99/2", "-1/1", "-1/2");
  }

  /** A crash at any test: the launches after it run exactly the tests after it, in order. */
  @Test
  void theLaunchesAfterAnyTestRunExactlyTheRestInOrder() {
    List<String> args =
        List.of(
            "-m",
            "a.gguf,b.gguf",
            "-p",
            "64,128",
            "-n",
            "32",
            "-pg",
            "16,8",
            "-fa",
            "0,1",
            "-ngl",
            "0,99",
            "-mmp",
            "0",
            "-lm",
            "mmap",
            "-ctk",
            "f16,q8_0",
            "-d",
            "0,512",
            "-r",
            "2",
            "--progress");
    LlamaBenchMatrix m = LlamaBenchMatrix.of(args);
    List<MatrixPoint> all = points(m);
    assertThat(all).hasSize(2 * 4 * 2 * 2 * 2 * 2 * 2);

    for (int crash = 0; crash < all.size(); crash++) {
      List<MatrixPoint> rerun = new ArrayList<>();
      int next = crash + 1;
      for (LlamaBenchMatrix.Launch l : m.launches(crash + 1)) {
        assertThat(l.first()).isEqualTo(next);
        LlamaBenchMatrix sub = LlamaBenchMatrix.of(l.args());
        assertThat(sub.size()).isEqualTo(l.count());
        assertThat(l.args()).contains("-r", "2", "--progress");
        rerun.addAll(points(sub));
        next += l.count();
      }
      List<MatrixPoint> expected = all.subList(crash + 1, all.size());
      assertThat(rerun)
          .extracting(LlamaBenchMatrixTest::what)
          .containsExactlyElementsOf(expected.stream().map(LlamaBenchMatrixTest::what).toList());
      assertThat(m.launches(crash + 1).size()).isLessThanOrEqualTo(9);
    }
  }

  private static String what(MatrixPoint p) {
    return p.model() + " " + p.test() + " " + p.settings();
  }

  @Test
  void fromTheStartOneLaunchRunsEverything() {
    LlamaBenchMatrix m = LlamaBenchMatrix.of(List.of("-m", "a.gguf", "-fa", "0,1"));

    assertThat(m.launches(0)).singleElement().satisfies(l -> assertThat(l.count()).isEqualTo(4));
    assertThat(m.launches(4)).isEmpty();
  }

  @Test
  void downloadsAndUnknownFlagsLeaveTheMatrixUnexpanded() {
    assertThat(LlamaBenchMatrix.of(List.of("-hf", "ggml-org/x-GGUF")).whyNot())
        .contains("downloaded by llama-bench");
    LlamaBenchMatrix m = LlamaBenchMatrix.of(List.of("-m", "a.gguf", "--new-flag", "3"));
    assertThat(m.expanded()).isFalse();
    assertThat(m.whyNot()).isEqualTo("llama-bench argument '--new-flag' is not one tokbench knows");
    assertThatThrownBy(() -> m.launches(0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void malformedRangesAreRefusedAsLlamaBenchRefusesThem() {
    assertThatThrownBy(() -> LlamaBenchMatrix.of(List.of("-p", "1-8*1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-p takes numbers or ranges");
    assertThatThrownBy(() -> LlamaBenchMatrix.of(List.of("-pg", "512")))
        .hasMessageContaining("-pg takes a prompt and a generation length");
    assertThatThrownBy(() -> LlamaBenchMatrix.of(List.of("-p", "1-100000000")))
        .hasMessageContaining("got '1-100000000'");
  }
}
