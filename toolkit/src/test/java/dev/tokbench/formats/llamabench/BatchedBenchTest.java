package dev.tokbench.formats.llamabench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.BadInputException;
import dev.tokbench.formats.Import;
import dev.tokbench.formats.ImportHints;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.results.ResultsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * llama-batched-bench's JSONL, as the H200 and this machine's CPU build printed it: two rows per
 * line with the line's own figures, recognised by {@code import} without {@code --format}, and a
 * wrong line an error naming its line and key.
 */
class BatchedBenchTest {
  @TempDir Path dir;

  private static Path resource(String name) throws Exception {
    return Path.of(BatchedBenchTest.class.getResource("/run/batched-bench/" + name).toURI());
  }

  @Test
  void eachLineOfTheH200RunIsAPromptRowAndADecodeRowWithItsOwnFigures() throws Exception {
    Path file = dir.resolve("llama-3.1-8b-Q4_K_M.jsonl");
    Files.copy(resource("h200-batched-8b.jsonl"), file);
    List<BenchResult> rows = BatchedBench.read(file);
    assertThat(rows)
        .hasSize(28); // -npp 128,512 × -npl 1,2,4,8,16,32,64: 14 lines, then a blank one
    assertThat(rows).allMatch(r -> r.model().equals("llama-3.1-8b") && r.quant().equals("Q4_K_M"));
    assertThat(rows).allMatch(r -> r.framework().equals(BatchedBench.FRAMEWORK));
    assertThat(rows).allMatch(r -> r.flashAttn() == FlashAttention.ON);
    // line 3: {"pp": 128, "tg": 128, "pl": 4, … "speed_pp": 9501.72…, "speed_tg": 586.74…}
    BenchResult pp = rows.get(4);
    assertThat(pp.test()).isEqualTo("pp128");
    assertThat(pp.nPrompt()).isEqualTo(128);
    assertThat(pp.flags())
        .containsEntry("parallel", "4")
        .containsEntry("n_threads", "16")
        .containsEntry("n_gpu_layers", "99");
    assertThat(pp.provenance()).containsEntry("line", "3");
    BenchResult tg = rows.get(5);
    assertThat(tg.test()).isEqualTo("tg128 @ d128");
    assertThat(tg.nGen()).isEqualTo(128);
    assertThat(tg.nDepth()).isEqualTo(128);
    assertThat(tg.extra()).containsKeys("t_tg", "t_pp", "speed", "n_kv");
    String line3 = Files.readAllLines(file).get(2);
    assertThat(line3).contains("\"pl\": 4");
    assertThat(line3).contains("\"speed_pp\": " + trimmed(pp.tokensPerSMean()));
    assertThat(line3).contains("\"speed_tg\": " + trimmed(tg.tokensPerSMean()));
    // every rate is the tool's own: pl × tg ÷ t_tg, to its printed precision
    for (BenchResult r : rows) {
      if (r.nGen() == 0) continue;
      int pl = Integer.parseInt(r.flags().get("parallel"));
      double tTg = Double.parseDouble(r.extra().get("t_tg"));
      assertThat(r.tokensPerSMean())
          .isCloseTo(pl * 128 / tTg, org.assertj.core.data.Percentage.withPercentage(0.01));
    }
  }

  /** Six decimals, as llama-batched-bench prints them ({@code %f}). */
  private static String trimmed(double v) {
    return String.format(java.util.Locale.ROOT, "%.6f", v);
  }

  @Test
  void importRecognisesItAndTheHintsNameTheModel() throws Exception {
    Path file = dir.resolve("batched-1b.jsonl");
    Files.copy(resource("h200-batched-1b.jsonl"), file);
    assertThat(Import.detect(file)).isEqualTo("batched-bench");
    List<BenchResult> bare = Import.read(file);
    assertThat(bare).allMatch(r -> r.model().equals("batched-1b") && r.quant().isEmpty());
    List<BenchResult> named =
        Import.read(file, "auto", new ImportHints("llama-3.2-1b", "Q4_K_M", "CUDA", "NVIDIA H200"));
    assertThat(named)
        .allMatch(
            r ->
                r.model().equals("llama-3.2-1b")
                    && r.quant().equals("Q4_K_M")
                    && r.backend().equals("CUDA")
                    && r.device().equals("NVIDIA H200"));
    assertThatThrownBy(() -> Import.read(file, "jsonl"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--format jsonl")
        .hasMessageContaining("llama-batched-bench jsonl");
    // the rows survive a results file unchanged
    Path csv = dir.resolve("rows.csv");
    ResultsCsv.write(csv, named);
    assertThat(ResultsCsv.read(csv)).isEqualTo(named);
  }

  @Test
  void theCpuBuildsOutputReadsWithFlashAttentionAuto() throws Exception {
    List<BenchResult> rows =
        BatchedBench.read(resource("cpu-tiny-batched.jsonl"), "tiny-llama", "Q8_0");
    assertThat(rows)
        .extracting(BenchResult::test)
        .containsExactly(
            "pp32", "tg16 @ d32", "pp32", "tg16 @ d32", "pp64", "tg16 @ d64", "pp64", "tg16 @ d64");
    assertThat(rows).allMatch(r -> r.flashAttn() == FlashAttention.AUTO);
    assertThat(rows)
        .extracting(r -> r.flags().get("parallel"))
        .containsExactly("1", "1", "2", "2", "1", "1", "2", "2");
    assertThat(rows).allMatch(r -> r.flags().get("n_gpu_layers").equals("-1"));
  }

  @Test
  void aWrongLineIsAnErrorNamingTheFileLineAndKey() {
    String good =
        "{\"n_kv_max\": 2048, \"n_batch\": 2048, \"n_ubatch\": 512, \"flash_attn\": 1,"
            + " \"is_pp_shared\": 0, \"n_gpu_layers\": 99, \"n_threads\": 4, \"n_threads_batch\": 4,"
            + " \"pp\": 128, \"tg\": 128, \"pl\": 2, \"n_kv\": 512, \"t_pp\": 0.01, \"speed_pp\": 25600.0,"
            + " \"t_tg\": 0.2, \"speed_tg\": 1280.0, \"t\": 0.21, \"speed\": 2438.1}";
    assertThat(BatchedBench.parse(good + "\n\n" + good + "\n", "x.jsonl", "m-Q8_0")).hasSize(4);
    assertError(good + "\n" + good.replace("\"speed_tg\": 1280.0, ", ""), 2, "speed_tg", "missing");
    assertError(good.replace("\"pl\": 2", "\"pl\": 0"), 1, "pl", "from 1");
    assertError(good.replace("\"pl\": 2", "\"pl\": 2.5"), 1, "pl", "whole number");
    assertError(good.replace("25600.0", "-3"), 1, "speed_pp", "finite number >= 0");
    assertError(good.replace("25600.0", "\"NaN\""), 1, "speed_pp", "finite number >= 0");
    assertError(good.replace("\"flash_attn\": 1", "\"flash_attn\": 7"), 1, "flash_attn", "unknown");
    assertThatThrownBy(() -> BatchedBench.parse(good + "\nnot json\n", "x.jsonl", "m"))
        .isInstanceOf(LlamaBenchFormatException.class)
        .hasMessageStartingWith("x.jsonl:2: ");
    assertThatThrownBy(() -> BatchedBench.parse("\n\n", "x.jsonl", "m"))
        .isInstanceOf(BatchedBenchException.class)
        .hasMessageContaining("x.jsonl:1: no llama-batched-bench line");
  }

  private static void assertError(String text, long line, String key, String what) {
    assertThatThrownBy(() -> BatchedBench.parse(text, "x.jsonl", "m"))
        .isInstanceOfSatisfying(
            BatchedBenchException.class,
            e -> {
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.key()).isEqualTo(key);
              assertThat(e.getMessage())
                  .startsWith("x.jsonl:" + line + ": key '" + key + "': ")
                  .contains(what);
            });
  }

  @Test
  void aRealLlamaBatchedBenchRunReads() throws Exception {
    String bin = System.getenv("LLAMA_BATCHED_BENCH");
    if (bin == null || !Files.isExecutable(Path.of(bin))) {
      System.out.println("skipped: set LLAMA_BATCHED_BENCH to a llama-batched-bench binary");
      assumeTrue(false, "no LLAMA_BATCHED_BENCH");
    }
    Path model = Path.of(getClass().getResource("/gguf/tiny-llama-Q8_0.gguf").toURI());
    Path out = dir.resolve("tiny-llama-Q8_0.jsonl");
    // this build's logger is leaked at exit (common/log.cpp, llama.cpp #22142), so a run this short
    // often exits before its log thread wrote the lines: 3 of 6 runs by hand printed nothing
    int empty = 0;
    for (int attempt = 0; attempt < 10; attempt++) {
      Process p =
          new ProcessBuilder(
                  bin,
                  "-m",
                  model.toString(),
                  "-c",
                  "256",
                  "-npp",
                  "8",
                  "-ntg",
                  "4",
                  "-npl",
                  "1,2",
                  "-t",
                  "1",
                  "--output-format",
                  "jsonl")
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
      if (Files.readString(out).lines().filter(l -> !l.isBlank()).count() == 2) break;
      empty++;
    }
    System.out.println("llama-batched-bench runs that lost their output: " + empty);
    assertThat(empty).as("every run lost its output").isLessThan(10);
    List<BenchResult> rows = Import.read(out);
    assertThat(rows)
        .extracting(BenchResult::test)
        .containsExactly("pp8", "tg4 @ d8", "pp8", "tg4 @ d8");
    assertThat(rows).allMatch(r -> r.model().equals("tiny-llama") && r.quant().equals("Q8_0"));
    assertThat(rows).allMatch(r -> r.tokensPerSMean() > 0);
  }
}
