package dev.tokbench.run.llamacpp.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.synth.ModelShape;
import dev.tokbench.synth.Synth;
import dev.tokbench.synth.SynthResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A synthetic model written by our writer, loaded and run by the embedded llama.cpp. */
class EmbeddedLlamaTest {
  @TempDir Path dir;

  @Test
  void aSyntheticLlamaLoadsGeneratesAndGivesOnePpAndOneTgRow() {
    SynthResult model = Synth.shape("small-llama").type("Q4_K_M").write(dir.resolve("s.gguf"));
    List<BenchResult> rows =
        EmbeddedLlama.model(model.path()).prompt(32).generate(8).repetitions(2).threads(2).run();
    assertThat(rows).extracting(BenchResult::test).containsExactly("pp32", "tg8");
    for (BenchResult r : rows) {
      assertThat(r.status()).as(r.reason()).isEqualTo(Status.OK);
      assertThat(r.framework()).isEqualTo("llama.cpp (embedded)");
      assertThat(r.samples()).hasSize(2).allMatch(s -> s > 0);
      assertThat(r.tokensPerSMean()).isPositive();
      assertThat(r.quant()).isEqualTo("Q4_K_M");
      assertThat(r.model()).isEqualTo("small-llama");
      assertThat(r.modelBytes()).isEqualTo(model.plan().tensorBytes());
      assertThat(r.nParams()).isEqualTo(model.plan().params());
      assertThat(r.provenance()).containsKey("engine");
    }
    assertThat(rows.get(0).nPrompt()).isEqualTo(32);
    assertThat(rows.get(0).extra()).containsEntry("n_prompt_actual", "32");
    assertThat(rows.get(1).nGen()).isEqualTo(8);
  }

  @Test
  void aQwen3ModelGivesFailedRowsSayingTheEmbeddedLlamaCppDoesNotKnowIt() {
    ModelShape qwen =
        new ModelShape("tiny-qwen3", "qwen3", 512, 64, 1, 4, 2, 16, 128, 512, true, 1e6f, 1e-6f);
    Path file = Synth.of(qwen).type("F16").write(dir.resolve("q.gguf")).path();
    List<BenchResult> rows = EmbeddedLlama.model(file).prompt(8).generate(4).repetitions(1).run();
    assertThat(rows).hasSize(2).allMatch(r -> r.status() == Status.FAILED);
    assertThat(rows.get(0).reason()).contains("does not know the qwen3 architecture");
  }

  @Test
  void rateUsesTheDifferenceToTheBaselineUnlessNoiseErasesIt() {
    assertThat(EmbeddedLlama.rate(100, 1.5, 0.5)).isEqualTo(100.0);
    assertThat(EmbeddedLlama.rate(100, 0.4, 0.5)).isEqualTo(250.0);
  }
}
