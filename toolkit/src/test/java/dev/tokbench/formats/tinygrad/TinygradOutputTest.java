package dev.tokbench.formats.tinygrad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.run.tinygrad.Tinygrad;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tinygrad llama3.py benchmark output captured on an H100 (tinygrad 0.13.0, a9069c17). */
class TinygradOutputTest {
  private static TinygradOutput read(String name) throws Exception {
    return TinygradOutput.parse(Files.readString(RunFixtures.path("tinygrad/" + name)));
  }

  @Test
  void stdoutOfTheCudaRunHasTwentyTimedTokensAndTheLoadLine() throws Exception {
    TinygradOutput out = read("cuda_q4km.stdout");

    assertThat(out.tokens()).hasSize(20);
    TinygradToken first = out.tokens().get(0);
    assertThat(first.enqueueMs()).isEqualTo(7.22);
    assertThat(first.totalMs()).isEqualTo(83.07);
    assertThat(first.tokensPerS()).isEqualTo(12.04);
    assertThat(first.gbPerS()).isEqualTo(59.78);
    assertThat(first.paramGbPerS()).isEqualTo(72.21);
    assertThat(first.gpuMs()).isNaN();
    assertThat(out.tokens().get(19).tokensPerS()).isEqualTo(47.75);
    assertThat(out.load().ms()).isEqualTo(4318.80);
    assertThat(out.load().gb()).isEqualTo(4.94);
    assertThat(out.load().gbPerS()).isEqualTo(1.14);
  }

  @Test
  void aCpuRunWithTheSyntheticTokenizerTimesItsTwentyTokens() throws Exception {
    // llama3.py on DEV=CPU with scripts/synthetic_tokenizer.py's tokenizer.model (2-core VM)
    TinygradOutput out = read("cpu_q6k.stdout");

    assertThat(out.tokens()).hasSize(20);
    assertThat(out.load().gb()).isEqualTo(4.94);
    assertThat(out.tokens().get(0).enqueueMs()).isEqualTo(2032.95);
  }

  @Test
  void theInterleavedLogWithTqdmFramesReadsTheSameAsStdout() throws Exception {
    assertThat(read("cuda_q4km.log").tokens()).isEqualTo(read("cuda_q4km.stdout").tokens());
  }

  @Test
  void ansiColouredDebugOutputStillParses() {
    // Not a capture: lines built from llama3.py's Timing on_exit format under DEBUG=2
    // ("enqueue in {ms:6.2f} ms, {x:.2f} ms on GPU, {x:.2f} GOPS, {x:.2f} GB, {x:.2f} GB/s,
    // param {x:.2f} GB/s") with kernel lines coloured as tinygrad's colored() does.
    String text =
        "\u001b[32m*** CUDA       1\u001b[0m r_16_32_4           arg  3 mem  4.94 GB tm    12.30us\n"
            + "\u001b[90menqueue in   6.90 ms, 20.10 ms on GPU, 2.47 GOPS, 4.94 GB, 245.77 GB/s,"
            + " param 296.52 GB/s\u001b[0m\n"
            + "total  20.80 ms, 48.07 tok/s, 238.79 GB/s, param 288.32 GB/s\n"
            + "total is what it is, 3 tok/s, says the generated text\n";

    TinygradOutput out = TinygradOutput.parse(text);

    assertThat(out.tokens()).hasSize(1);
    assertThat(out.tokens().get(0).enqueueMs()).isEqualTo(6.90);
    assertThat(out.tokens().get(0).gpuMs()).isEqualTo(20.10);
  }

  @Test
  void theDefaultWarmupDropsTinyJitsTwoUnreplayedTokens() throws Exception {
    TinygradOutput out = read("cuda_q4km.stdout");
    BenchResult row =
        TinygradRow.toResult(
            out,
            WarmupRule.tinyJit(),
            "CUDA",
            java.nio.file.Path.of("/m/llama-3.2-1b-Q4_K_M.gguf"),
            Map.of(),
            Map.of());

    List<Double> kept =
        out.tokens().subList(2, 20).stream().map(TinygradToken::tokensPerS).toList();
    assertThat(row.samples()).isEqualTo(kept);
    assertThat(row.tokensPerSMean())
        .isCloseTo(kept.stream().mapToDouble(d -> d).average().orElseThrow(), within(1e-9));
    assertThat(row.test()).isEqualTo("tg20");
    assertThat(row.model()).isEqualTo("llama-3.2-1b");
    assertThat(row.quant()).isEqualTo("Q4_K_M");
    assertThat(row.extra())
        .containsEntry("warmup_rule", "first 2 tokens discarded")
        .containsEntry("warmup_tokens", "2")
        .containsEntry("tokens_kept", "18")
        .containsEntry("loaded_gb", "4.9400")
        .containsKeys("median_tok_s", "enqueue_ms_mean", "gb_per_s_mean", "param_gb_per_s_mean");
    assertThat(Double.parseDouble(row.extra().get("median_tok_s"))).isBetween(47.0, 49.0);
  }

  @Test
  void aMedianBasedWarmupDropsOnlyTheSlowFirstToken() throws Exception {
    BenchResult row =
        TinygradRow.toResult(
            read("cuda_q4km.stdout"),
            WarmupRule.slowerThanMedian(0.5),
            "CUDA",
            null,
            Map.of(),
            Map.of());

    assertThat(row.samples()).hasSize(19);
    assertThat(row.extra()).containsEntry("warmup_tokens", "1");
  }

  @Test
  void failedRunsHaveNoTimedTokens() {
    for (String name : List.of("nv_q6k.log", "cuda_q6k_envflag.log")) {
      BenchResult row = Tinygrad.parse(RunFixtures.path("tinygrad/" + name));
      assertThat(row.status()).as(name).isEqualTo(Status.FAILED);
      assertThat(row.reason()).as(name).startsWith("no timed tokens after warm-up (0 in all");
    }
  }
}
