package dev.tokbench.synth;

import dev.tokbench.gguf.FileType;
import dev.tokbench.gguf.GgmlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every tensor of a model of one shape quantized as one file type, in file order, with the types
 * llama-quantize would choose. Computing it writes nothing: {@code TensorPlan.of(shape,
 * FileType.Q4_K_M).tensorBytes()} is llama-bench's {@code model_size} for that file.
 */
public record TensorPlan(ModelShape shape, FileType fileType, List<PlannedTensor> tensors) {
  public TensorPlan {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(fileType, "fileType");
    tensors = List.copyOf(tensors);
  }

  /** The plan of {@code shape} as {@code fileType}. */
  public static TensorPlan of(ModelShape shape, FileType fileType) {
    return new TensorPlan(shape, fileType, TensorTypeRules.apply(shape, fileType, layout(shape)));
  }

  /** The tensors of the unquantized model, in the order gguf-py writes them. */
  static List<PlannedTensor> layout(ModelShape s) {
    long embd = s.embd();
    long q = (long) s.heads() * s.headDim();
    long kv = (long) s.kvHeads() * s.headDim();
    List<PlannedTensor> t = new ArrayList<>();
    t.add(matrix("token_embd.weight", embd, s.vocab()));
    t.add(norm("output_norm.weight", embd));
    if (!s.tiedEmbeddings()) t.add(matrix("output.weight", embd, s.vocab()));
    for (int i = 0; i < s.layers(); i++) {
      String b = "blk." + i + ".";
      t.add(norm(b + "attn_norm.weight", embd));
      t.add(matrix(b + "attn_q.weight", embd, q));
      t.add(matrix(b + "attn_k.weight", embd, kv));
      t.add(matrix(b + "attn_v.weight", embd, kv));
      t.add(matrix(b + "attn_output.weight", q, embd));
      if (s.hasQkNorm()) {
        t.add(norm(b + "attn_q_norm.weight", s.headDim()));
        t.add(norm(b + "attn_k_norm.weight", s.headDim()));
      }
      t.add(norm(b + "ffn_norm.weight", embd));
      t.add(matrix(b + "ffn_gate.weight", embd, s.ff()));
      t.add(matrix(b + "ffn_up.weight", embd, s.ff()));
      t.add(matrix(b + "ffn_down.weight", s.ff(), embd));
    }
    return t;
  }

  private static PlannedTensor matrix(String name, long rowLength, long rows) {
    return new PlannedTensor(name, List.of(rowLength, rows), GgmlType.F16, false);
  }

  private static PlannedTensor norm(String name, long length) {
    return new PlannedTensor(name, List.of(length), GgmlType.F32, true);
  }

  /** Bytes of tensor data (llama-bench's {@code model_size}). */
  public long tensorBytes() {
    return tensors.stream().mapToLong(PlannedTensor::bytes).sum();
  }

  /** Parameters (llama-bench's {@code model_n_params}). */
  public long params() {
    return tensors.stream().mapToLong(PlannedTensor::elements).sum();
  }

  /** The planned type of the tensor of this name. */
  public GgmlType typeOf(String name) {
    return tensors.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .map(PlannedTensor::type)
        .orElseThrow(
            () -> new IllegalArgumentException("no tensor " + name + " in " + shape.name()));
  }

  @Override
  public String toString() {
    return shape.name()
        + " "
        + fileType
        + ": "
        + tensors.size()
        + " tensors, "
        + tensorBytes()
        + " bytes, "
        + params()
        + " params";
  }
}
