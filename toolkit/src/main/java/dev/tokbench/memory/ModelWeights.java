package dev.tokbench.memory;

import dev.tokbench.memory.ggml.Buffer;
import dev.tokbench.memory.ggml.BufferType;
import dev.tokbench.memory.ggml.Ggml;
import dev.tokbench.memory.ggml.Tensor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where llama.cpp loads each weight and the model buffers that makes
 * (llama_model_base::load_tensors and llama_model_loader::create_tensor): the token embedding in
 * host memory, each layer on its device, the output layer on the GPU when {@code -ngl} reaches it.
 * With tied embeddings the output is a second copy of {@code token_embd} on the output layer's
 * device ({@code TENSOR_DUPLICATED}), and so is {@code rope_freqs} for every layer. A GPU buffer is
 * the sum of its tensors, each padded to the buffer's alignment; host weights are not copied but
 * mapped from the file, so the host buffer spans the file from the first host tensor to the end of
 * the last ({@code get_mapping_range}), whatever lies between.
 */
final class ModelWeights {
  /** The per-layer tensors of the modelled architectures (src/models/llama.cpp, qwen3.cpp). */
  private static final Set<String> LAYER_TENSORS =
      Set.of(
          "attn_norm",
          "attn_q",
          "attn_k",
          "attn_v",
          "attn_output",
          "attn_q_norm",
          "attn_k_norm",
          "ffn_norm",
          "ffn_gate",
          "ffn_up",
          "ffn_down");

  private final Map<String, Tensor> tensors = new HashMap<>();
  private final Map<BufferType, Long> bytes = new LinkedHashMap<>();
  private final Map<Integer, long[]> hostRanges = new HashMap<>(); // file -> {first, last}

  private ModelWeights() {}

  static ModelWeights place(ModelLayout m, LayerPlacement p, Buffers b) {
    ModelWeights w = new ModelWeights();
    for (Weight weight : m.weights()) w.placeOne(m, weight, p, b);
    if (m.tiedEmbeddings()) {
      Weight embd = m.weight("token_embd.weight").orElseThrow(() -> missing(m, "token_embd"));
      w.put("output.weight", embd, p.outputOnGpu(), b);
    }
    for (long[] r : w.hostRanges.values()) w.bytes.merge(b.mapped, r[1] - r[0], Math::addExact);
    return w;
  }

  private void placeOne(ModelLayout m, Weight w, LayerPlacement p, Buffers b) {
    String name = w.name();
    if (name.equals("token_embd.weight")) {
      put(name, w, false, b);
    } else if (name.equals("output_norm.weight") || name.equals("output.weight")) {
      put(name, w, p.outputOnGpu(), b);
    } else if (name.equals("rope_freqs.weight")) {
      for (int il = 0; il < m.layers(); il++) put(name + "@" + il, w, p.onGpu(il), b);
    } else if (w.layer() >= 0 && w.layer() < m.layers() && LAYER_TENSORS.contains(suffix(name))) {
      put(name, w, p.onGpu(w.layer()), b);
    } else {
      throw new UnsupportedModelException(
          m.source()
              + ": tensor "
              + name
              + " is not one llama.cpp's "
              + m.arch()
              + " graph uses, so its memory is not modelled");
    }
  }

  private static String suffix(String name) {
    String s = name.substring(name.indexOf('.', 4) + 1);
    return s.endsWith(".weight") ? s.substring(0, s.length() - ".weight".length()) : s;
  }

  private void put(String key, Weight w, boolean onGpu, Buffers b) {
    BufferType type = onGpu ? b.gpu : b.mapped;
    Tensor t = Ggml.stored(w.name(), w.type(), w.dims(), new Buffer(type, true));
    tensors.put(key, t);
    if (onGpu) {
      bytes.merge(type, type.align(type.allocSize(t)), Math::addExact);
    } else {
      long[] r = hostRanges.computeIfAbsent(w.file(), f -> new long[] {Long.MAX_VALUE, 0});
      r[0] = Math.min(r[0], w.offset());
      r[1] = Math.max(r[1], w.offset() + w.bytes());
    }
  }

  private static UnsupportedModelException missing(ModelLayout m, String what) {
    return new UnsupportedModelException(m.source() + " has no " + what + " tensor");
  }

  /** The weight of this name, or null; {@code rope_freqs} is per layer: {@link #ropeFreqs}. */
  Tensor get(String name) {
    return tensors.get(name);
  }

  Tensor layer(int il, String suffix) {
    return tensors.get("blk." + il + "." + suffix + ".weight");
  }

  Tensor ropeFreqs(int il) {
    return tensors.get("rope_freqs.weight@" + il);
  }

  /** Bytes of model buffers of each type. */
  Map<BufferType, Long> bytes() {
    return bytes;
  }

  long bytes(BufferType t) {
    return t == null ? 0 : bytes.getOrDefault(t, 0L);
  }

  List<Tensor> all() {
    return List.copyOf(tensors.values());
  }
}
