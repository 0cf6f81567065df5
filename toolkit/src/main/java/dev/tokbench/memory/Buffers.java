package dev.tokbench.memory;

import dev.tokbench.memory.ggml.Backend;
import dev.tokbench.memory.ggml.BufferType;
import java.util.List;

/**
 * The buffer types and backends of one llama.cpp process, named as its log names them: with a CUDA
 * GPU, weights in {@code CUDA0} and {@code CPU_Mapped}, caches in {@code CUDA0} and {@code CPU},
 * the CPU's compute buffer and the output buffer in pinned {@code CUDA_Host} memory; without one,
 * everything in host memory. Fresh instances per estimate: the scheduler compares them by identity.
 */
final class Buffers {
  final BufferType gpu;
  final BufferType pinned;
  final BufferType mapped = BufferType.host("CPU_Mapped");
  final BufferType cpu = BufferType.host("CPU");
  final List<Backend> backends;

  private Buffers(boolean withGpu, boolean integrated) {
    gpu = withGpu ? BufferType.cuda("CUDA0") : null;
    pinned = withGpu ? BufferType.host("CUDA_Host") : null;
    backends =
        withGpu
            ? List.of(Backend.cuda("CUDA0", gpu, pinned, integrated), Backend.cpu(pinned))
            : List.of(Backend.cpu(cpu));
  }

  /** One CUDA GPU; an integrated one (Jetson) reads pinned host memory directly. */
  static Buffers cuda(boolean integrated) {
    return new Buffers(true, integrated);
  }

  static Buffers cpuOnly() {
    return new Buffers(false, false);
  }

  boolean hasGpu() {
    return gpu != null;
  }

  Backend gpuBackend() {
    return backends.get(0);
  }

  Backend cpuBackend() {
    return backends.get(backends.size() - 1);
  }

  /** Where the CPU backend computes: pinned memory when there is a GPU. */
  BufferType hostCompute() {
    return hasGpu() ? pinned : cpu;
  }

  /** The compute buffer type of each backend, in backend order. */
  List<BufferType> computeBuffers() {
    return backends.stream().map(Backend::computeBuffer).toList();
  }
}
