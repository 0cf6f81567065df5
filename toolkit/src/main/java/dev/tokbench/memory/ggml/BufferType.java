package dev.tokbench.memory.ggml;

/**
 * A {@code ggml_backend_buffer_type}: its name as llama.cpp prints it, its alignment, whether it is
 * host memory, and {@code get_alloc_size}, the bytes a tensor takes in it (which may exceed {@code
 * ggml_nbytes}).
 */
public abstract class BufferType {
  private final String name;
  private final long alignment;
  private final boolean host;

  BufferType(String name, long alignment, boolean host) {
    this.name = name;
    this.alignment = alignment;
    this.host = host;
  }

  /** A buffer in host memory: {@code CPU}, {@code CPU_Mapped}, or a GPU's pinned {@code _Host}. */
  public static BufferType host(String name) {
    return new BufferType(name, 32, true) {}; // TENSOR_ALIGNMENT in ggml-impl.h
  }

  /** A CUDA device's memory ({@code CUDA0}), as ggml-cuda.cu sizes tensors in it. */
  public static BufferType cuda(String name) {
    return new CudaBufferType(name);
  }

  public String name() {
    return name;
  }

  public long alignment() {
    return alignment;
  }

  public boolean isHost() {
    return host;
  }

  /** {@code ggml_backend_buft_get_alloc_size}. */
  public long allocSize(Tensor t) {
    return t.nbytes();
  }

  /** {@code GGML_PAD(n, alignment)}. */
  public long align(long n) {
    return (n + alignment - 1) / alignment * alignment;
  }

  @Override
  public String toString() {
    return name;
  }

  /** {@code ggml_backend_cuda_buffer_type_get_alloc_size} with its flash-attention scratch. */
  private static final class CudaBufferType extends BufferType {
    /** {@code MATRIX_ROW_PADDING} in ggml-cuda/common.cuh. */
    private static final long ROW_PADDING = 512;

    CudaBufferType(String name) {
      super(name, 128, false);
    }

    @Override
    public long allocSize(Tensor t) {
      long size = t.op == Op.FLASH_ATTN_EXT ? CudaFlashAttention.allocSize(t) : t.nbytes();
      if (t.type.isQuantized() && t.ne[0] % ROW_PADDING != 0) {
        size += Ggml.rowSize(t.type, ROW_PADDING - t.ne[0] % ROW_PADDING);
      }
      return size;
    }
  }
}
