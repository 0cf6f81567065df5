package dev.tokbench.formats.llamabench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.testing.RunFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Older and newer llama-bench spellings of the same facts read the same way. */
class LlamaBenchFieldDriftTest {
  private static final String CURRENT_LINE =
      "{\"build_commit\": \"abc1234\", \"build_number\": 7000, \"cpu_info\": \"AMD EPYC\","
          + " \"gpu_info\": \"\", \"backends\": \"CPU\", \"model_filename\": \"m-Q8_0.gguf\","
          + " \"model_type\": \"llama ?B Q8_0\", \"model_size\": 1, \"model_n_params\": 2,"
          + " \"flash_attn\": %s, %s, \"n_prompt\": 0, \"n_gen\": 16, \"n_depth\": 0,"
          + " \"avg_ts\": 10.5, \"stddev_ts\": 0.5, \"samples_ts\": [ 10, 11 ],"
          + " \"a_field_from_the_future\": \"kept\"}";

  @Test
  void build1275UsesBackendBooleansAndMostlyFileTypes() {
    // llama.cpp examples/llama-bench/README.md at build 1275 (commit 3469684, September 2023)
    List<BenchResult> rows =
        LlamaBenchOutput.read(RunFixtures.path("llama-bench-old/build1275-readme.json"));

    assertThat(rows).hasSize(2);
    BenchResult pp = rows.get(0);
    assertThat(pp.backend()).isEqualTo("CUDA");
    assertThat(pp.quant()).isEqualTo("Q4_0");
    assertThat(pp.model()).isEqualTo("ggml-model");
    assertThat(pp.test()).isEqualTo("pp512");
    assertThat(pp.flashAttn()).isEqualTo(FlashAttention.NA);
    assertThat(pp.flags()).containsEntry("f16_kv", "true").containsEntry("mul_mat_q", "true");
    assertThat(pp.extra()).containsEntry("cuda", "true").containsEntry("gpu_blas", "true");
    assertThat(pp.provenance()).containsEntry("build_number", "1275");
    assertThat(rows.get(1).test()).isEqualTo("tg128");
    assertThat(rows.get(1).samples()).hasSize(5);
  }

  @Test
  void build1275SqlMatchesItsJsonTests() {
    List<BenchResult> rows =
        LlamaBenchOutput.read(RunFixtures.path("llama-bench-old/build1275-readme.sql"));

    assertThat(rows.stream().map(BenchResult::test)).containsExactly("pp512", "tg128");
    assertThat(rows.get(0).backend()).isEqualTo("CUDA");
    assertThat(rows.get(0).flags()).containsEntry("f16_kv", "true");
    assertThat(rows.get(1).tokensPerSMean()).isEqualTo(130.891159);
  }

  @Test
  void flashAttentionAsBoolAndAsNumberMeanTheSame() {
    BenchResult asBool = line("true", "\"use_mmap\": true");
    BenchResult asInt = line("1", "\"load_mode\": \"mmap\"");

    assertThat(asBool.flashAttn()).isEqualTo(FlashAttention.ON).isEqualTo(asInt.flashAttn());
    assertThat(line("-1", "\"load_mode\": \"mmap\"").flashAttn()).isEqualTo(FlashAttention.AUTO);
    assertThat(asBool.flags()).containsEntry("use_mmap", "true");
    assertThat(asInt.flags()).containsEntry("load_mode", "mmap");
  }

  @Test
  void unknownFieldsAreKeptInExtra() {
    assertThat(line("0", "\"use_mmap\": true").extra())
        .containsEntry("a_field_from_the_future", "kept");
  }

  @Test
  void quantizationNamesFollowLlamaQuantize() {
    assertThat(LlamaBenchNames.quant("llama 1B Q4_K - Medium")).isEqualTo("Q4_K_M");
    assertThat(LlamaBenchNames.quant("llama 8B Q3_K - Large")).isEqualTo("Q3_K_L");
    assertThat(LlamaBenchNames.quant("llama 8B Q5_K - Small")).isEqualTo("Q5_K_S");
    assertThat(LlamaBenchNames.quant("llama 8B Q2_K - Medium")).isEqualTo("Q2_K");
    assertThat(LlamaBenchNames.quant("llama 8B IQ2_XXS - 2.0625 bpw")).isEqualTo("IQ2_XXS");
    assertThat(LlamaBenchNames.quant("llama 8B all F32")).isEqualTo("F32");
    assertThat(LlamaBenchNames.quant("llama 7B mostly Q4_0")).isEqualTo("Q4_0");
    assertThat(LlamaBenchNames.quant("qwen3 ?B BF16")).isEqualTo("BF16");
    assertThat(LlamaBenchNames.quant("llama 1B Q4_K - Medium (guessed)")).isEqualTo("Q4_K_M");
  }

  @Test
  void garbageIsRejectedWithWhereAndWhat() {
    assertThatThrownBy(() -> LlamaBenchOutput.parse("Segmentation fault\n", "x.txt"))
        .isInstanceOf(LlamaBenchFormatException.class)
        .hasMessageContaining("x.txt:1")
        .hasMessageContaining("Segmentation fault")
        .hasMessageContaining("expected json, jsonl, csv, md or sql");
    String jsonl = line0() + "\nnot json at all\n";
    assertThatThrownBy(() -> LlamaBenchOutput.parse(jsonl, "run.jsonl"))
        .isInstanceOf(LlamaBenchFormatException.class)
        .hasMessageContaining("run.jsonl:2");
    assertThatThrownBy(() -> LlamaBenchOutput.parse(line0().replace("10.5", "\"fast\""), "a.jsonl"))
        .isInstanceOf(LlamaBenchFormatException.class)
        .hasMessageContaining("avg_ts = 'fast'");
  }

  @Test
  void sqlWithTooFewValuesNamesTheLine() {
    String sql =
        "CREATE TABLE IF NOT EXISTS llama_bench (\n  a TEXT\n);\n\n"
            + "INSERT INTO llama_bench (a, b) VALUES ('1');\n";
    assertThatThrownBy(() -> LlamaBenchOutput.parse(sql, "t.sql"))
        .isInstanceOf(LlamaBenchFormatException.class)
        .hasMessageContaining("t.sql:5")
        .hasMessageContaining("2 columns but 1 value");
  }

  private static String line0() {
    return String.format(CURRENT_LINE, "0", "\"use_mmap\": true");
  }

  private static BenchResult line(String flashAttn, String loadField) {
    return LlamaBenchOutput.parse(String.format(CURRENT_LINE, flashAttn, loadField), "t.jsonl")
        .get(0);
  }
}
