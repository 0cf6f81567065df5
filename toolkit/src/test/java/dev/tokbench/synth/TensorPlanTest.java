package dev.tokbench.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.gguf.FileType;
import dev.tokbench.gguf.Gguf;
import dev.tokbench.gguf.GgufFile;
import dev.tokbench.gguf.TensorInfo;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tensor layouts against llama-bench's model_size of files quantized by llama-quantize. */
class TensorPlanTest {
  static Path fixture(String name) {
    try {
      return Path.of(TensorPlanTest.class.getResource("/gguf/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "llama-3.2-1b, Q6_K, 1013968896",
    "llama-3.2-1b, Q4_K_M, 799862784",
    "llama-3.2-3b, Q6_K, 2636015616",
    "qwen3-0.6b, Q8_0, 633495552"
  })
  void tensorBytesEqualLlamaBenchsModelSize(String shape, String type, long modelSize) {
    TensorPlan plan = TensorPlan.of(Shapes.named(shape), TensorTypeRules.parse(type));
    assertThat(plan.tensorBytes()).as(plan.toString()).isEqualTo(modelSize);
  }

  @Test
  void everyTensorOfTheOneBQ4_K_MHasLlamaQuantizesTypeAndShape() {
    GgufFile theirs = Gguf.read(fixture("llama-3.2-1b-Q4_K_M.header-only.gguf"));
    TensorPlan ours = TensorPlan.of(Shapes.named("llama-3.2-1b"), FileType.Q4_K_M);
    assertThat(ours.tensors()).hasSameSizeAs(theirs.tensors());
    for (TensorInfo t : theirs.tensors()) {
      PlannedTensor mine =
          ours.tensors().stream().filter(p -> p.name().equals(t.name())).findFirst().orElseThrow();
      assertThat(mine.type()).as(t.name()).isEqualTo(t.type());
      assertThat(mine.dims()).as(t.name()).isEqualTo(t.dims());
    }
    assertThat(ours.params()).isEqualTo(1_235_814_400L);
  }

  @ParameterizedTest
  @CsvSource({
    "small-llama-Q4_K_M.gguf, Q4_K_M",
    "small-llama-Q4_0.gguf, Q4_0",
    "small-llama-Q6_K.gguf, Q6_K",
    "small-llama-Q8_0.gguf, Q8_0",
    "small-llama-F16.gguf, F16"
  })
  void smallFixturesHaveThePlannedTensorsAndTypes(String file, String type) {
    GgufFile theirs = Gguf.read(fixture(file));
    TensorPlan ours = TensorPlan.of(Shapes.named("small-llama"), TensorTypeRules.parse(type));
    assertThat(ours.tensors().stream().map(p -> p.name() + " " + p.type() + " " + p.dims()))
        .containsExactlyInAnyOrderElementsOf(
            theirs.tensors().stream()
                .map(t -> t.name() + " " + t.type() + " " + t.dims())
                .toList());
  }

  @Test
  void seventyBGetsQ5_KAttnVWhereOthersGetQ4_K() {
    TensorPlan plan = TensorPlan.of(Shapes.named("llama-3.1-70b"), FileType.Q4_K_M);
    assertThat(plan.typeOf("blk.0.attn_v.weight").name()).isEqualTo("Q6_K");
    assertThat(plan.typeOf("blk.11.attn_v.weight").name()).isEqualTo("Q5_K");
    assertThat(plan.typeOf("blk.11.attn_q.weight").name()).isEqualTo("Q4_K");
    assertThat(plan.typeOf("output.weight").name()).isEqualTo("Q6_K");
    assertThat(plan.typeOf("token_embd.weight").name()).isEqualTo("Q4_K");
  }

  @Test
  void rowsThatFitNoKBlockFallBackLikeLlamaQuantize() {
    TensorPlan plan = TensorPlan.of(Shapes.named("tiny-llama"), FileType.Q4_K_M); // embd 64, ff 128
    assertThat(plan.typeOf("blk.0.attn_q.weight").name()).isEqualTo("Q5_0");
    assertThat(plan.typeOf("token_embd.weight").name()).isEqualTo("Q8_0");
    assertThat(plan.typeOf("blk.0.ffn_down.weight").name()).isEqualTo("Q5_0");
    assertThat(plan.typeOf("blk.1.ffn_down.weight").name()).isEqualTo("Q8_0"); // Q6_K falls back
  }
}
