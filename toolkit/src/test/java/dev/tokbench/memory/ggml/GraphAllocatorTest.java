package dev.tokbench.memory.ggml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.gguf.GgmlType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ggml-alloc's lifetimes on small graphs on the CPU: in place, outputs, views, several consumers.
 */
class GraphAllocatorTest {
  private static final BufferType CPU = BufferType.host("CPU");
  private static final long MB = 1 << 20;

  /** F32 [n, 1]: n * 4 bytes. */
  private static Tensor input(long n) {
    return Ggml.input("x", GgmlType.F32, n);
  }

  private static long reserve(Tensor... roots) {
    Graph g = new Graph();
    for (Tensor r : roots) g.expand(r);
    SplitGraph s = Scheduler.split(g, List.of(Backend.cpu(CPU)), Map.of());
    return GraphAllocator.reserve(s, List.of(CPU))[0];
  }

  @Test
  void aChainOfElementwiseOpsWorksInPlaceInTheFirstResultsMemory() {
    Tensor x = input(MB / 4); // 1 MiB input, freed after its only consumer
    Tensor y = Ggml.scale(Ggml.rmsNorm(Ggml.scale(x)));

    assertThat(reserve(y)).isEqualTo(MB);
  }

  @Test
  void anOutputIsNeverReusedSoTheNextOpNeedsItsOwnMemory() {
    Tensor x = input(MB / 4);
    Tensor kept = Ggml.scale(x).markOutput();

    assertThat(reserve(Ggml.scale(kept))).isEqualTo(2 * MB);
  }

  @Test
  void aTensorWithTwoConsumersIsNotOverwrittenByTheFirst() {
    Tensor x = input(MB / 4);
    Tensor a = Ggml.scale(x);
    Tensor b = Ggml.scale(a); // a has another consumer: b needs its own memory
    Tensor c = Ggml.add(b, a); // in place into b; a is freed after this

    assertThat(reserve(c)).isEqualTo(2 * MB);
  }

  @Test
  void aProductNeverWorksInPlaceAndAnOpOnAViewTakesTheFreedHoleNotTheViewedMemory() {
    Tensor w = Ggml.stored("w", GgmlType.F32, List.of(256L, 256L), new Buffer(CPU, true));
    Tensor x = Ggml.input("x", GgmlType.F32, 256, 1024); // 1 MiB
    Tensor y = Ggml.mulMat(w, x); // 1 MiB beside x; x is freed after it
    Tensor v = Ggml.reshape(y, 256 * 1024); // a view: no memory, keeps y alive
    // ggml never reuses a view's memory in place, so the scale goes where x was
    assertThat(reserve(Ggml.scale(v))).isEqualTo(2 * MB);
  }
}
