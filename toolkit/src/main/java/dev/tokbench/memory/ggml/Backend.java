package dev.tokbench.memory.ggml;

import java.util.Objects;

/**
 * A ggml backend as the scheduler asks it questions: which buffer type it computes into, which
 * buffer types it can read ({@code supports_buft}), which ops it can run ({@code supports_op}) and
 * which ops on host weights it would rather run itself ({@code offload_op}).
 */
public abstract class Backend {
  private final String name;
  private final BufferType computeBuffer;

  private Backend(String name, BufferType computeBuffer) {
    this.name = name;
    this.computeBuffer = Objects.requireNonNull(computeBuffer);
  }

  /**
   * A CUDA GPU ({@code ggml_backend_cuda_device_*}) computing into {@code device}. A discrete GPU
   * reads only its own memory; an integrated one (Jetson) also reads pinned host memory.
   */
  public static Backend cuda(
      String name, BufferType device, BufferType pinnedHost, boolean integrated) {
    return new Cuda(name, device, pinnedHost, integrated);
  }

  /**
   * The CPU, computing into {@code buffer} (llama.cpp uses the GPU's pinned host memory if any).
   */
  public static Backend cpu(BufferType buffer) {
    return new Cpu(buffer);
  }

  public String name() {
    return name;
  }

  /** The buffer type this backend's compute buffer is allocated in. */
  public BufferType computeBuffer() {
    return computeBuffer;
  }

  abstract boolean supportsBuffer(BufferType t);

  abstract boolean supportsOp(Tensor op);

  abstract boolean offloadOp(Tensor op);

  @Override
  public String toString() {
    return name;
  }

  private static final class Cuda extends Backend {
    /** {@code GGML_OP_OFFLOAD_MIN_BATCH}'s default. */
    private static final long OFFLOAD_MIN_BATCH = 32;

    private final BufferType device;
    private final BufferType pinnedHost;
    private final boolean integrated;

    Cuda(String name, BufferType device, BufferType pinnedHost, boolean integrated) {
      super(name, device);
      this.device = device;
      this.pinnedHost = pinnedHost;
      this.integrated = integrated;
    }

    @Override
    boolean supportsBuffer(BufferType t) {
      return t == device || (integrated && t == pinnedHost);
    }

    @Override
    boolean supportsOp(Tensor op) {
      return op.op != Op.FLASH_ATTN_EXT || CudaFlashAttention.supported(op);
    }

    /** {@code get_op_batch_size}: rows of the batch, never for get_rows. */
    @Override
    boolean offloadOp(Tensor op) {
      long batch =
          switch (op.op) {
            case GET_ROWS -> 0;
            case MUL_MAT -> op.ne[1];
            case ROPE -> op.ne[2];
            default -> op.rows();
          };
      return batch >= OFFLOAD_MIN_BATCH;
    }
  }

  private static final class Cpu extends Backend {
    Cpu(BufferType buffer) {
      super("CPU", buffer);
    }

    @Override
    boolean supportsBuffer(BufferType t) {
      return t.isHost();
    }

    @Override
    boolean supportsOp(Tensor op) {
      return true;
    }

    @Override
    boolean offloadOp(Tensor op) {
      return false;
    }
  }
}
