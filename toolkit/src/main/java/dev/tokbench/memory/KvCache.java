package dev.tokbench.memory;

import dev.tokbench.gguf.GgmlType;
import dev.tokbench.memory.ggml.Buffer;
import dev.tokbench.memory.ggml.BufferType;
import dev.tokbench.memory.ggml.Ggml;
import dev.tokbench.memory.ggml.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KV cache as {@code llama_kv_cache}'s constructor allocates it (src/llama-kv-cache.cpp): per
 * layer, a K tensor of {@code n_embd_k_gqa x kv_size x n_stream} elements and a V tensor likewise,
 * of the cache types, on the device of the layer ({@code offload_kqv}). Each buffer is the sum of
 * its tensors padded to the buffer's alignment, with CUDA's row padding for quantized types.
 */
final class KvCache {
  final List<Tensor> k = new ArrayList<>();
  final List<Tensor> v = new ArrayList<>();
  private final Map<BufferType, Long> bytes = new LinkedHashMap<>();
  private long kBytes;
  private long vBytes;

  private KvCache() {}

  static KvCache allocate(
      ModelLayout m, ContextParams c, MemoryOptions o, LayerPlacement p, Buffers b) {
    KvCache kv = new KvCache();
    for (int il = 0; il < m.layers(); il++) {
      BufferType type = p.onGpu(il) ? b.gpu : b.cpu;
      kv.k.add(kv.tensor("cache_k_l" + il, o.cacheK(), m.kvEmbdK(), c, type));
      kv.v.add(kv.tensor("cache_v_l" + il, o.cacheV(), m.kvEmbdV(), c, type));
    }
    kv.k.forEach(t -> kv.kBytes = Math.addExact(kv.kBytes, t.nbytes()));
    kv.v.forEach(t -> kv.vBytes = Math.addExact(kv.vBytes, t.nbytes()));
    return kv;
  }

  private Tensor tensor(String name, GgmlType t, long embd, ContextParams c, BufferType type) {
    if (embd % t.blockSize() != 0) {
      throw new MemoryOptionException(
          "a "
              + CacheType.name(t)
              + " cache needs rows of a multiple "
              + "of "
              + t.blockSize()
              + " elements; this model's are "
              + embd);
    }
    Tensor x =
        Ggml.stored(
            name, t, List.of(embd, c.kvSize(), (long) c.streams()), new Buffer(type, false));
    bytes.merge(type, type.align(type.allocSize(x)), Math::addExact);
    return x;
  }

  /** KV buffer bytes of each buffer type. */
  long bytes(BufferType t) {
    return t == null ? 0 : bytes.getOrDefault(t, 0L);
  }

  /** The K half, all layers ({@code size_k_bytes}). */
  long kBytes() {
    return kBytes;
  }

  /** The V half, all layers ({@code size_v_bytes}). */
  long vBytes() {
    return vBytes;
  }
}
