package dev.tokbench.formats.llamabench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.results.Status;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlamaBenchOutputTest {
  private static List<BenchResult> read(String name) {
    return LlamaBenchOutput.read(RunFixtures.path("llama-bench/" + name));
  }

  @Test
  void h100JsonKeepsEveryPrintedFieldAndTheSamples() {
    List<BenchResult> rows = read("h100-report-matrix.json");

    assertThat(rows).hasSize(12);
    BenchResult first = rows.get(0);
    assertThat(first.framework()).isEqualTo("llama.cpp");
    assertThat(first.backend()).isEqualTo("CUDA");
    assertThat(first.model()).isEqualTo("llama-3.2-1b");
    assertThat(first.quant()).isEqualTo("Q6_K");
    assertThat(first.test()).isEqualTo("pp512");
    assertThat(first.flashAttn()).isEqualTo(FlashAttention.OFF);
    assertThat(first.tokensPerSMean()).isEqualTo(28779.67623);
    assertThat(first.tokensPerSStddev()).isEqualTo(4336.605457);
    assertThat(first.samples()).containsExactly(23778.4, 31064.0, 31496.6);
    assertThat(first.modelBytes()).isEqualTo(1013968896L);
    assertThat(first.nParams()).isEqualTo(1235814400L);
    assertThat(first.device()).isEqualTo("NVIDIA H100 80GB HBM3");
    assertThat(first.flags())
        .containsEntry("n_gpu_layers", "99")
        .containsEntry("n_threads", "16")
        .containsEntry("use_mmap", "true")
        .containsEntry("type_k", "f16");
    assertThat(first.provenance())
        .containsEntry("build_commit", "unknown")
        .containsEntry("cpu_info", "Intel(R) Xeon(R) Processor")
        .containsEntry("test_time", "2026-11-25T03:45:35Z");
    assertThat(first.extra())
        .containsEntry("model_filename", "/tmp/models/llama-3.2-1b-Q6_K.gguf")
        .containsEntry("model_type", "llama 1B Q6_K")
        .containsEntry("samples_ns", "21532119;16482125;16255701")
        .containsEntry("avg_ns", "18089981");
    assertThat(rows.get(4).quant()).isEqualTo("Q4_K_M");
    assertThat(rows.get(4).model()).isEqualTo("llama-3.2-1b");
    assertThat(rows.get(11).model()).isEqualTo("llama-3.2-3b");
    assertThat(rows.get(11).test()).isEqualTo("tg128");
    assertThat(rows.get(11).flashAttn()).isEqualTo(FlashAttention.ON);
  }

  @Test
  void everyRecordFieldLandsInAColumnOrAMap() {
    LlamaBenchRecord record =
        LlamaBenchOutput.records(RunFixtures.path("llama-bench/cpu-tiny.json")).get(0);
    BenchResult row = LlamaBenchRow.toResult(record);

    List<String> columns =
        List.of(
            "n_prompt",
            "n_gen",
            "n_depth",
            "avg_ts",
            "stddev_ts",
            "samples_ts",
            "model_size",
            "model_n_params");
    for (String field : record.fields().keySet()) {
      boolean kept =
          columns.contains(field)
              || row.flags().containsKey(field)
              || row.provenance().containsKey(field)
              || row.extra().containsKey(field);
      assertThat(kept).as("field %s is kept", field).isTrue();
    }
  }

  @Test
  void theFiveFormatsOfOneRunDescribeTheSameTests() {
    for (String f : List.of("json", "jsonl", "csv", "sql", "md")) {
      List<BenchResult> rows = read("cpu-tiny." + f);
      assertThat(rows).as(f).hasSize(8);
      assertThat(rows).as(f).allMatch(BenchResult::ok);
      assertThat(rows.stream().map(BenchResult::test))
          .as(f)
          .containsExactly("pp64", "tg32", "pp64", "tg32", "pp64", "tg32", "pp64", "tg32");
      assertThat(rows.stream().map(BenchResult::quant))
          .as(f)
          .containsExactly("F16", "F16", "F16", "F16", "Q8_0", "Q8_0", "Q8_0", "Q8_0");
      assertThat(rows.stream().map(BenchResult::flashAttn))
          .as(f)
          .containsExactly(
              FlashAttention.OFF,
              FlashAttention.OFF,
              FlashAttention.ON,
              FlashAttention.ON,
              FlashAttention.OFF,
              FlashAttention.OFF,
              FlashAttention.ON,
              FlashAttention.ON);
      assertThat(rows.get(0).backend()).as(f).isEqualTo("CPU");
      assertThat(rows.get(0).provenance()).as(f).containsEntry("build_commit", "unknown");
    }
  }

  @Test
  void eachFormatKeepsItsOwnNumbers() {
    assertThat(read("cpu-tiny.csv").get(0).tokensPerSMean()).isEqualTo(38424.650363);
    assertThat(read("cpu-tiny.sql").get(0).tokensPerSMean()).isEqualTo(51883.249670);
    assertThat(read("cpu-tiny.jsonl").get(1).samples()).containsExactly(2424.46, 4067.27, 3053.81);
    BenchResult md = read("cpu-tiny.md").get(0);
    assertThat(md.tokensPerSMean()).isEqualTo(37613.81);
    assertThat(md.tokensPerSStddev()).isEqualTo(32150.30);
  }

  @Test
  void csvAndSqlBooleansAreSpelledAsInJson() {
    for (String f : List.of("json", "csv", "sql")) {
      BenchResult row = read("cpu-tiny." + f).get(0);
      assertThat(row.flags())
          .as(f)
          .containsEntry("use_mmap", "true")
          .containsEntry("no_kv_offload", "false")
          .containsEntry("cpu_strict", "false");
    }
  }

  @Test
  void markdownTableAgreesWithJsonToTwoDecimalsAndRecordsWhatItLost() {
    List<BenchResult> md = read("h100-report-matrix.stderr.md");
    List<BenchResult> json = read("h100-report-matrix.json");

    assertThat(md).hasSize(12);
    for (int i = 0; i < 12; i++) {
      assertThat(md.get(i).tokensPerSMean()).isCloseTo(json.get(i).tokensPerSMean(), within(0.005));
      assertThat(md.get(i).test()).isEqualTo(json.get(i).test());
      assertThat(md.get(i).quant()).isEqualTo(json.get(i).quant());
      assertThat(md.get(i).flashAttn()).isEqualTo(json.get(i).flashAttn());
    }
    BenchResult first = md.get(0);
    assertThat(first.model()).isEqualTo("llama 1B");
    // 967.00 MiB and 1.24 B, as the table rounds them; the JSON has 1013968896 and 1235814400
    assertThat(first.modelBytes()).isEqualTo(Math.round(967.00 * 1024 * 1024));
    assertThat(first.nParams()).isEqualTo(1_240_000_000L);
    assertThat((double) first.modelBytes()).isCloseTo(json.get(0).modelBytes(), within(6e3));
    assertThat(first.samples()).isEmpty();
    assertThat(first.extra())
        .containsEntry("md_size", "967.00 MiB")
        .containsEntry("md_params", "1.24 B")
        .containsKey("md_precision");
    assertThat(first.flags()).containsEntry("n_gpu_layers", "99");
    assertThat(md.get(8).extra()).containsEntry("md_size", "2.45 GiB");
  }

  @Test
  void markdownWithoutAnFaColumnLeavesFlashAttentionUnknown() {
    BenchResult row = read("cpu-tiny-pp-only.stderr.md").get(0);

    assertThat(row.test()).isEqualTo("pp64");
    assertThat(row.flashAttn()).isEqualTo(FlashAttention.NA);
    assertThat(row.flags()).containsEntry("n_threads", "2");
  }

  @Test
  void depthTestsAreNamedAsLlamaBenchNamesThem() {
    List<BenchResult> rows = read("cpu-tiny-depth-threads.json");

    assertThat(rows.stream().map(BenchResult::test))
        .containsExactly("tg16", "tg16 @ d256", "tg16", "tg16 @ d256");
    assertThat(rows.get(1).nDepth()).isEqualTo(256);
    assertThat(rows.get(0).flashAttn()).isEqualTo(FlashAttention.AUTO);
    assertThat(rows.stream().map(r -> r.flags().get("n_threads")))
        .containsExactly("1", "1", "2", "2");
    assertThat(LlamaBenchNames.testName(512, 128, 0)).isEqualTo("pp512+tg128");
  }

  @Test
  void aJsonArrayCutShortKeepsFinishedTestsAndSaysWhereItStopped() throws Exception {
    String full = Files.readString(RunFixtures.path("llama-bench/h100-report-matrix.json"));
    int third = full.indexOf("  {", full.indexOf("  {", full.indexOf("  {") + 1) + 1);
    String cut = full.substring(0, third + 200);

    List<BenchResult> rows = LlamaBenchOutput.parse(cut, "cut.json");

    assertThat(rows).hasSize(3);
    assertThat(rows.subList(0, 2)).allMatch(BenchResult::ok);
    assertThat(rows.get(2).status()).isEqualTo(Status.FAILED);
    assertThat(rows.get(2).reason()).startsWith("cut.json: ").contains("middle of a test");
  }

  @Test
  void aMissingModelRunLeavesOnlyAnOpenArrayAndBecomesOneFailedRow() {
    List<BenchResult> rows = read("missing-model.stdout");

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).status()).isEqualTo(Status.FAILED);
    assertThat(rows.get(0).reason()).contains("ends before ']'");
  }
}
