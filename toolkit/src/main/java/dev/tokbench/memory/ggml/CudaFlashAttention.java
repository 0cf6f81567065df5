package dev.tokbench.memory.ggml;

import dev.tokbench.gguf.GgmlType;

/**
 * What CUDA's flash attention needs beyond its output (ggml-cuda/fattn.cu): which kernel it picks
 * ({@code ggml_cuda_get_best_fattn_kernel}), whether the kernel exists for the cache types at all
 * ({@code ggml_cuda_fattn_kv_type_supported}, built without {@code GGML_CUDA_FA_ALL_QUANTS}), and
 * the F16 copies of K and V that the tile and tensor-core kernels convert quantized caches into.
 * Since 2026 those copies live in the compute buffer, right after the output ({@code
 * ggml_cuda_flash_attn_ext_get_alloc_size}): a quantized cache makes the prompt graph's compute
 * buffer grow with the context.
 *
 * <p>Modelled for GPUs of compute capability 8.9 and later (Ada, Hopper, Blackwell); older ones
 * pick the vector kernel for one token only, which changes nothing for a prompt of more than two
 * tokens.
 */
final class CudaFlashAttention {
  /** {@code FATTN_KQ_STRIDE}. */
  private static final long KQ_STRIDE = 256;

  private CudaFlashAttention() {}

  static long allocSize(Tensor fa) {
    Tensor k = fa.src[1];
    Tensor v = fa.src[2];
    boolean tiled = !vectorKernel(fa); // the tile and MMA kernels read F16 K and V
    long end = fa.nbytes();
    if (tiled && k.type != GgmlType.F16) end = pad(end) + k.elements() * 2;
    if (tiled && v.type != GgmlType.F16) end = pad(end) + v.elements() * 2;
    return end;
  }

  /** The vector kernel: few query rows, head sizes it has instances for. */
  static boolean vectorKernel(Tensor fa) {
    Tensor q = fa.src[0];
    Tensor k = fa.src[1];
    Tensor v = fa.src[2];
    boolean shapes =
        q.ne[0] <= 256 && q.ne[0] % 64 == 0 && q.ne[0] != 192 && k.ne[1] % KQ_STRIDE == 0;
    if (!shapes) return false;
    if (k.type.isQuantized() || v.type.isQuantized()) return q.ne[1] <= 2;
    long gqa = q.ne[2] / k.ne[2];
    return q.ne[1] == 1 && (gqa < 2 || (q.ne[3] == 1 && !(gqa > 4 && k.ne[1] >= 8192)));
  }

  /** Whether CUDA has a kernel for these caches and head sizes; else the op runs on the CPU. */
  static boolean supported(Tensor fa) {
    Tensor k = fa.src[1];
    Tensor v = fa.src[2];
    if (k.type != v.type) return false;
    if (!cacheTypeSupported(k.type)) return false;
    long d = k.ne[0];
    boolean headSize =
        d == 40 || d == 64 || d == 72 || d == 80 || d == 96 || d == 112 || d == 128 || d == 256;
    Tensor mask = fa.src[3];
    return headSize && v.ne[0] == d && (mask == null || mask.ne[2] == 1);
  }

  private static boolean cacheTypeSupported(GgmlType t) {
    return t == GgmlType.F32
        || t == GgmlType.F16
        || t == GgmlType.BF16
        || t == GgmlType.Q4_0
        || t == GgmlType.Q8_0;
  }

  private static long pad(long n) {
    return (n + 127) / 128 * 128;
  }
}
