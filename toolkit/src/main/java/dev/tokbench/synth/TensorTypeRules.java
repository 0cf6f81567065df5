package dev.tokbench.synth;

import dev.tokbench.gguf.FileType;
import dev.tokbench.gguf.GgmlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which ggml type llama-quantize gives each tensor for a file type, ported from {@code
 * llama_tensor_get_type} in llama.cpp's src/llama-quant.cpp (no importance matrix, no overrides,
 * dense models): the output and tied token embedding get Q6_K, {@code attn_v} and {@code ffn_down}
 * get more bits on the "use_more_bits" layers of the _M mixes, and rows that are not a whole number
 * of blocks fall back to a compatible type.
 */
final class TensorTypeRules {
  /** The file types synth produces. */
  public static final List<FileType> SUPPORTED =
      List.of(
          FileType.ALL_F32,
          FileType.F16,
          FileType.BF16,
          FileType.Q8_0,
          FileType.Q4_0,
          FileType.Q4_K_S,
          FileType.Q4_K_M,
          FileType.Q5_K_S,
          FileType.Q5_K_M,
          FileType.Q6_K);

  private TensorTypeRules() {}

  /** Parses a name such as {@code Q4_K_M} or {@code f16}. */
  public static FileType parse(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    for (FileType t : SUPPORTED) {
      if (t.name().equals(n) || (t == FileType.ALL_F32 && n.equals("F32"))) return t;
    }
    throw new UnsupportedQuantException(name);
  }

  /** The ggml type of the bulk of the weights for {@code ftype}. */
  public static GgmlType defaultType(FileType ftype) {
    switch (ftype) {
      case ALL_F32:
        return GgmlType.F32;
      case F16:
        return GgmlType.F16;
      case BF16:
        return GgmlType.BF16;
      case Q8_0:
        return GgmlType.Q8_0;
      case Q4_0:
        return GgmlType.Q4_0;
      case Q4_K_S:
      case Q4_K_M:
        return GgmlType.Q4_K;
      case Q5_K_S:
      case Q5_K_M:
        return GgmlType.Q5_K;
      case Q6_K:
        return GgmlType.Q6_K;
      default:
        throw new UnsupportedQuantException(ftype.name());
    }
  }

  /**
   * The tensors with the types llama-quantize chooses. {@code tensors} are in file order with their
   * unquantized types (F32 norms, any type for matrices).
   */
  public static List<PlannedTensor> apply(
      ModelShape shape, FileType ftype, List<PlannedTensor> tensors) {
    GgmlType base = defaultType(ftype);
    Counters c = new Counters(tensors);
    List<PlannedTensor> out = new ArrayList<>(tensors.size());
    for (PlannedTensor t : tensors) {
      if (!quantizable(t)) {
        out.add(t);
      } else if (!base.isQuantized()) {
        out.add(t.withType(base));
      } else {
        out.add(t.withType(fallback(t, chosen(shape, ftype, base, t, c))));
      }
    }
    return out;
  }

  /** {@code tensor_allows_quantization}: 2-D weights that are not norms. */
  static boolean quantizable(PlannedTensor t) {
    return t.dims().size() >= 2
        && t.name().endsWith("weight")
        && !t.name().contains("_norm.weight");
  }

  /** {@code llama_tensor_get_type_impl} for the dense-model cases of the supported file types. */
  private static GgmlType chosen(
      ModelShape shape, FileType ftype, GgmlType base, PlannedTensor t, Counters c) {
    String name = t.name();
    boolean output = name.equals("output.weight");
    boolean tokenEmbd = name.equals("token_embd.weight");
    if (output || (c.tiedEmbeddings && tokenEmbd)) {
      if (t.rowLength() % base.blockSize() != 0) return GgmlType.Q8_0;
      return base != GgmlType.Q8_0 ? GgmlType.Q6_K : base;
    }
    if (tokenEmbd) return base;
    if (name.contains("attn_v.weight")) {
      GgmlType type = base;
      boolean moreBits = useMoreBits(c.iAttentionWv, c.nAttentionWv);
      if ((ftype == FileType.Q4_K_M || ftype == FileType.Q5_K_M) && moreBits) type = GgmlType.Q6_K;
      else if (ftype == FileType.Q4_K_S && c.iAttentionWv < 4) type = GgmlType.Q5_K;
      if (shape.isLlama70B() && (type == GgmlType.Q3_K || type == GgmlType.Q4_K)) {
        type = GgmlType.Q5_K;
      }
      c.iAttentionWv++;
      return type;
    }
    if (name.contains("ffn_down")) {
      GgmlType type = base;
      int i = c.iFfnDown;
      int n = c.nFfnDown;
      if (ftype == FileType.Q4_K_M && useMoreBits(i, n)) type = GgmlType.Q6_K;
      else if (ftype == FileType.Q5_K_M && useMoreBits(i, n)) type = GgmlType.Q6_K;
      else if (ftype == FileType.Q4_K_S && i < n / 8) type = GgmlType.Q5_K;
      c.iFfnDown++;
      return type;
    }
    return base;
  }

  /** {@code use_more_bits}: the first and last eighth of the layers, and every third between. */
  static boolean useMoreBits(int iLayer, int nLayers) {
    return iLayer < nLayers / 8 || iLayer >= 7 * nLayers / 8 || (iLayer - nLayers / 8) % 3 == 2;
  }

  /** {@code tensor_type_fallback}: a type whose blocks fit the row length. */
  static GgmlType fallback(PlannedTensor t, GgmlType type) {
    if (t.rowLength() % type.blockSize() == 0) return type;
    GgmlType back;
    switch (type) {
      case Q4_K:
        back = GgmlType.Q5_0;
        break;
      case Q5_K:
        back = GgmlType.Q5_1;
        break;
      case Q6_K:
        back = GgmlType.Q8_0;
        break;
      default:
        throw new ImpossibleShapeException(
            t.name(),
            "rows of "
                + t.rowLength()
                + " elements fit no "
                + type
                + " block, and there is no fallback");
    }
    return t.rowLength() % back.blockSize() == 0 ? back : GgmlType.F16;
  }

  /** {@code quantize_state_impl}'s counters, filled by the preliminary pass over the tensors. */
  private static final class Counters {
    final int nAttentionWv;
    final int nFfnDown;
    final boolean tiedEmbeddings;
    int iAttentionWv;
    int iFfnDown;

    Counters(List<PlannedTensor> tensors) {
      nAttentionWv = (int) tensors.stream().filter(t -> t.name().contains("attn_v.weight")).count();
      nFfnDown = (int) tensors.stream().filter(t -> t.name().contains("ffn_down")).count();
      tiedEmbeddings = tensors.stream().noneMatch(t -> t.name().equals("output.weight"));
    }
  }
}
