package dev.tokbench.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import dev.tokbench.gguf.GgmlType;
import dev.tokbench.gguf.Gguf;
import dev.tokbench.gguf.GgufFile;
import dev.tokbench.gguf.TensorInfo;
import dev.tokbench.gguf.quant.Quantizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthTest {
  @TempDir Path dir;

  @Test
  void headerAndTensorInfosAreThoseGgufPyWroteForTheSameShape() throws IOException {
    Path ours = Synth.shape("small-llama").type("F16").write(dir.resolve("s.gguf")).path();
    Path theirs = TensorPlanTest.fixture("small-llama-F16.gguf");
    GgufFile fixture = Gguf.read(theirs);
    int header = (int) fixture.dataOffset();
    assertThat(Files.size(ours)).isEqualTo(Files.size(theirs));
    byte[] a = Arrays.copyOf(Files.readAllBytes(ours), header);
    byte[] b = Arrays.copyOf(Files.readAllBytes(theirs), header);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void aQuantizedModelReadsBackWithPlannedTypesRealisticWeightsAndUnitNorms() {
    SynthResult r = Synth.shape("small-llama").type("Q4_K_M").seed(7).write(dir.resolve("q.gguf"));
    GgufFile f = Gguf.read(r.path());
    assertThat(f.tensors()).hasSameSizeAs(r.plan().tensors());
    long bytes = 0;
    for (TensorInfo t : f.tensors()) {
      assertThat(t.type()).as(t.name()).isEqualTo(r.plan().typeOf(t.name()));
      bytes += t.bytes();
    }
    assertThat(bytes).isEqualTo(925_952L); // llama-bench's model_size for small-llama Q4_K_M
    assertThat(f.metadata().integer("general.file_type").getAsLong()).isEqualTo(15);
    assertThat(f.metadata().array("tokenizer.ggml.tokens").orElseThrow().strings())
        .startsWith("<unk>", "<s>", "</s>", "<0x00>")
        .endsWith("t1023");
    float[] q = values(f, "blk.0.attn_q.weight");
    double sd = Math.sqrt(Arrays.stream(toDoubles(q)).map(v -> v * v).average().orElseThrow());
    assertThat(sd).isBetween(0.018, 0.022);
    assertThat(values(f, "blk.1.ffn_norm.weight")).containsOnly(1f);
  }

  @Test
  void theSameSeedGivesTheSameFileAndAnotherSeedAnother() throws IOException {
    Synth s = Synth.shape("tiny-llama").type("Q8_0");
    Path a = s.seed(1).write(dir.resolve("a.gguf")).path();
    Path b = s.seed(1).write(dir.resolve("b.gguf")).path();
    Path c = s.seed(2).write(dir.resolve("c.gguf")).path();
    assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
    assertThat(Files.mismatch(a, c)).isPositive();
  }

  @Test
  void overridesChangeTheShapeAndQwen3HasQkNorms() {
    TensorPlan p = Synth.shape("qwen3-0.6b").layers(2).vocab(32000).ctx(8192).type("Q8_0").plan();
    assertThat(p.shape().layers()).isEqualTo(2);
    assertThat(p.typeOf("token_embd.weight")).isEqualTo(GgmlType.Q8_0);
    assertThat(p.typeOf("blk.1.attn_k_norm.weight")).isEqualTo(GgmlType.F32);
    assertThat(p.tensors()).noneMatch(t -> t.name().startsWith("blk.2."));
  }

  @Test
  void impossibleShapesUnknownShapesAndUnknownTypesAreBadInput() {
    assertThatThrownBy(() -> Synth.shape("llama-3.2-1b").layers(0))
        .isInstanceOf(ImpossibleShapeException.class)
        .hasMessageContaining("layers must be > 0");
    assertThatThrownBy(() -> Synth.shape("llama-3.2-1b").heads(30))
        .isInstanceOf(ImpossibleShapeException.class)
        .hasMessageContaining("30 heads do not divide the embedding length 2048");
    assertThatThrownBy(() -> Synth.shape("llama-9b"))
        .isInstanceOf(UnknownShapeException.class)
        .hasMessageContaining("llama-3.2-1b");
    assertThatThrownBy(() -> Synth.shape("llama-3.2-1b").type("Q3_X"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("Q3_X")
        .hasMessageContaining("Q4_K_M");
  }

  private static float[] values(GgufFile f, String name) {
    TensorInfo t = f.tensor(name).orElseThrow();
    return Quantizer.of(t.type()).dequantize(f.tensorData(t), (int) t.elements());
  }

  private static double[] toDoubles(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) d[i] = v[i];
    return d;
  }
}
