package dev.tokbench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.memory.BufferSize.Component;
import org.junit.jupiter.api.Test;

/** The plan as a user reads it: where things go, whether they fit, how far they could go. */
class MemoryPlanTest {
  private static final long MIB = 1 << 20;

  private static Memory oneB() {
    return Memory.shape("llama-3.2-1b", "Q4_K_M");
  }

  @Test
  void aHeaderOnlyGgufNeedsWhatItsSyntheticTwinNeeds() {
    MemoryPlan file =
        Memory.of(MemoryFixtures.gguf("llama-3.2-1b-Q4_K_M.header-only.gguf")).ctx(4096).plan();
    MemoryPlan synth = oneB().ctx(4096).plan();

    assertThat(file.devices()).isEqualTo(synth.devices());
    assertThat(file.buffer(Component.MODEL, "CPU_Mapped").orElseThrow().bytes())
        .isEqualTo(215_470_080L); // token_embd, Q6_K: stays on the host
  }

  @Test
  void theLargestContextFitsAndOneStepMoreDoesNot() {
    Memory m = oneB().memory(2048 * MIB).margin(0);
    long max = m.plan().fit().orElseThrow().maxContext();

    assertThat(max).isBetween(4096L, 131072L - 256);
    assertThat(m.ctx((int) max).plan().fit().orElseThrow().fits()).isTrue();
    assertThat(m.ctx((int) max + 256).plan().fit().orElseThrow().fits()).isFalse();
  }

  @Test
  void theLargestNglFitsAndOneMoreLayerDoesNot() {
    Memory m = Memory.shape("llama-3.1-8b", "Q4_K_M").ctx(8192).memory(3 * 1024 * MIB).margin(0);
    int max = m.plan().fit().orElseThrow().maxGpuLayers();

    assertThat(max).isBetween(1, 32);
    assertThat(m.gpuLayers(max).plan().fit().orElseThrow().fits()).isTrue();
    assertThat(m.gpuLayers(max + 1).plan().fit().orElseThrow().fits()).isFalse();
  }

  @Test
  void partialOffloadKeepsTheFirstLayersWeightsAndCacheOnTheHost() {
    MemoryPlan all = oneB().ctx(4096).plan();
    MemoryPlan part = oneB().ctx(4096).gpuLayers(8).plan(); // layers 9..15 and the output

    assertThat(part.offloadedLayers()).isEqualTo(7);
    assertThat(part.devices().get(0).kvBytes()).isEqualTo(7 * 8 * MIB);
    assertThat(part.host().kvBytes()).isEqualTo(9 * 8 * MIB);
    assertThat(part.devices().get(0).modelBytes()).isLessThan(all.devices().get(0).modelBytes());
    assertThat(part.host().modelBytes()).isGreaterThan(all.host().modelBytes());
  }

  @Test
  void aJetsonSharesItsMemorySoTheHostCountsToo() {
    MemoryPlan p = oneB().ctx(4096).device("Jetson Orin Nano 8GB").plan();

    FitCheck f = p.fit().orElseThrow();
    assertThat(f.unified()).isTrue();
    assertThat(f.usedBytes()).isEqualTo(p.devices().get(0).totalBytes() + p.host().totalBytes());
  }

  @Test
  void aNotebookShowsOneRowPerDevice() {
    String md = oneB().ctx(4096).plan().markdown();

    assertThat(md).contains("| CUDA0 | 762.81 | 128.00 | 254.50 | 0.00 | 1145.31 |");
    assertThat(md).contains("| Host |");
  }

  @Test
  void aVocabularyOnlyFileIsRefusedSayingWhatIsMissing() {
    assertThatThrownBy(() -> Memory.of(MemoryFixtures.gguf("ggml-vocab-gpt-neox.gguf")))
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("block_count is 44 but the tensors are of 0 layers");
  }

  @Test
  void anArchitectureWhoseGraphIsNotModelledIsRefusedNamingThoseThatAre() {
    ModelLayout gemma = like(oneB().model(), "gemma3", 16);

    assertThatThrownBy(() -> Memory.of(gemma).plan())
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("'gemma3' is not modelled; modelled: llama, qwen3");
  }

  @Test
  void aHostileHeaderAskingForBillionsOfLayersIsRefusedBeforeAnythingIsBuilt() {
    assertThatThrownBy(() -> like(oneB().model(), "llama", 1 << 30))
        .isInstanceOf(UnsupportedModelException.class)
        .hasMessageContaining("layers is not plausible");
  }

  /** The 1B's tensors under another architecture name and block count. */
  private static ModelLayout like(ModelLayout m, String arch, int layers) {
    return new ModelLayout(
        "a " + arch,
        arch,
        layers,
        m.embd(),
        m.heads(),
        m.kvHeads(),
        m.headDimK(),
        m.headDimV(),
        m.ff(),
        m.vocab(),
        m.trainedContext(),
        m.weights());
  }
}
