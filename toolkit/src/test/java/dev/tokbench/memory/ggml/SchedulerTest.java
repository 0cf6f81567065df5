package dev.tokbench.memory.ggml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.gguf.GgmlType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backend scheduler between one CUDA GPU and the CPU, as ggml_backend_sched_split_graph. */
class SchedulerTest {
  private final BufferType gpu = BufferType.cuda("CUDA0");
  private final BufferType pinned = BufferType.host("CUDA_Host");
  private final BufferType mapped = BufferType.host("CPU_Mapped");
  private final List<Backend> backends =
      List.of(Backend.cuda("CUDA0", gpu, pinned, false), Backend.cpu(pinned));
  private final List<BufferType> computeBuffers = List.of(gpu, pinned);

  private long[] reserve(Tensor root) {
    SplitGraph s = Scheduler.split(new Graph().expand(root), backends, Map.of());
    return GraphAllocator.reserve(s, computeBuffers);
  }

  private Tensor weight(Buffer b, long rows) {
    return Ggml.stored("w", GgmlType.F32, List.of(1024L, rows), b);
  }

  @Test
  void aGpuOpOnAHostInputGetsACopyOfItInGpuMemory() {
    Tensor w = weight(new Buffer(gpu, true), 1024);
    Tensor x = Ggml.input("x", GgmlType.F32, 1024, 512); // 2 MiB, an input: on the CPU

    long[] sizes = reserve(Ggml.mulMat(w, x).markOutput());

    assertThat(sizes[1]).isEqualTo(2 << 20); // the input itself, in pinned memory
    assertThat(sizes[0]).isEqualTo(2 * (2 << 20)); // its copy and the result, on the GPU
  }

  @Test
  void aBigProductOnHostWeightsIsOffloadedWithTheWeightCopiedButOneTokenStaysOnTheCpu() {
    Tensor w = weight(new Buffer(mapped, true), 1024); // 4 MiB of host weights
    Tensor batch = Ggml.input("x", GgmlType.F32, 1024, 512);
    long[] offloaded = reserve(Ggml.mulMat(w, batch).markOutput());
    assertThat(offloaded[0]).isEqualTo((4 << 20) + 2 * (2 << 20)); // weight, input, result

    Tensor token = Ggml.input("x", GgmlType.F32, 1024, 1);
    long[] local = reserve(Ggml.mulMat(w, token).markOutput());
    assertThat(local[0]).isZero();
    assertThat(local[1]).isEqualTo(2 * 4096);
  }

  @Test
  void flashAttentionWithQuantizedCachesNeedsF16CopiesOnlyForManyQueries() {
    Buffer kv = new Buffer(gpu, false);
    Tensor k = Ggml.stored("k", GgmlType.Q8_0, List.of(128L, 4096L, 8L), kv);
    Tensor v = Ggml.stored("v", GgmlType.Q8_0, List.of(128L, 4096L, 8L), kv);
    Tensor mask = Ggml.input("mask", GgmlType.F16, 4096, 512);
    Tensor q = Ggml.input("q", GgmlType.F32, 128, 512, 32);

    Tensor prompt = Ggml.flashAttnExt(q, k, v, mask);
    long out = prompt.nbytes();
    long f16 = 128L * 4096 * 8 * 2;
    assertThat(gpu.allocSize(prompt)).isEqualTo(out + 2 * f16);

    Tensor one = Ggml.flashAttnExt(Ggml.input("q", GgmlType.F32, 128, 1, 32), k, v, mask);
    assertThat(gpu.allocSize(one)).isEqualTo(one.nbytes()); // the vector kernel reads q8_0
  }

  @Test
  void flashAttentionOnCachesCudaHasNoKernelForRunsOnTheCpu() {
    Buffer kv = new Buffer(gpu, false);
    Tensor k = Ggml.stored("k", GgmlType.Q4_1, List.of(128L, 256L, 8L), kv);
    Tensor v = Ggml.stored("v", GgmlType.Q4_1, List.of(128L, 256L, 8L), kv);
    Tensor fa =
        Ggml.flashAttnExt(
            Ggml.input("q", GgmlType.F32, 128, 16, 32),
            k,
            v,
            Ggml.input("mask", GgmlType.F16, 256, 16));

    long[] sizes = reserve(fa.markOutput());

    assertThat(sizes[1]).isGreaterThanOrEqualTo(fa.nbytes() + k.nbytes() + v.nbytes());
  }
}
