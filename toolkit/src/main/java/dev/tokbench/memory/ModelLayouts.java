package dev.tokbench.memory;

import dev.tokbench.gguf.GgufFile;
import dev.tokbench.gguf.GgufModel;
import dev.tokbench.gguf.ModelSummary;
import dev.tokbench.gguf.TensorInfo;
import dev.tokbench.synth.PlannedTensor;
import dev.tokbench.synth.TensorPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that reads the gguf and synth packages' types into a {@link ModelLayout}: a GGUF
 * header (a truncated or header-only file is enough) or a synthetic model's tensor plan.
 */
final class ModelLayouts {
  /** {@code GGUF_DEFAULT_ALIGNMENT}: where gguf-py and tokbench synth start each tensor. */
  private static final long GGUF_ALIGNMENT = 32;

  private ModelLayouts() {}

  static ModelLayout of(GgufModel model) {
    ModelSummary s = model.summary();
    if (!s.kvHeadsByLayer().isEmpty()) {
      throw new UnsupportedModelException(s.path() + ": KV heads vary by layer; not modelled");
    }
    List<Weight> weights = new ArrayList<>();
    for (int f = 0; f < model.shards().size(); f++) {
      GgufFile shard = model.shards().get(f);
      for (TensorInfo t : shard.tensors()) weights.add(weight(shard, f, t));
    }
    long vocab = s.vocabSize() > 0 ? s.vocabSize() : embeddingRows(weights);
    String name = s.path().getFileName().toString();
    return new ModelLayout(
        name,
        s.architecture(),
        (int) s.blockCount(),
        s.embeddingLength(),
        s.headCount(),
        s.headCountKv(),
        s.keyLength(),
        s.valueLength(),
        s.feedForwardLength(),
        vocab,
        s.contextLength(),
        weights);
  }

  private static Weight weight(GgufFile shard, int file, TensorInfo t) {
    var type =
        t.knownType()
            .orElseThrow(
                () ->
                    new UnsupportedModelException(
                        shard.path()
                            + ": tensor "
                            + t.name()
                            + " has ggml type "
                            + t.typeId()
                            + ", unknown here"));
    return new Weight(t.name(), type, t.dims(), file, t.fileOffset());
  }

  private static long embeddingRows(List<Weight> weights) {
    return weights.stream()
        .filter(w -> w.name().equals("token_embd.weight") && w.dims().size() > 1)
        .mapToLong(w -> w.dims().get(1))
        .findFirst()
        .orElse(0);
  }

  /** A synthetic model, with tensors where {@code tokbench synth} would write them. */
  static ModelLayout of(TensorPlan plan) {
    var shape = plan.shape();
    List<Weight> weights = new ArrayList<>();
    long offset = 0;
    for (PlannedTensor t : plan.tensors()) {
      weights.add(new Weight(t.name(), t.type(), t.dims(), 0, offset));
      offset = (offset + t.bytes() + GGUF_ALIGNMENT - 1) / GGUF_ALIGNMENT * GGUF_ALIGNMENT;
    }
    return new ModelLayout(
        shape.name() + " " + plan.fileType(),
        shape.arch(),
        shape.layers(),
        shape.embd(),
        shape.heads(),
        shape.kvHeads(),
        shape.headDim(),
        shape.headDim(),
        shape.ff(),
        shape.vocab(),
        shape.ctx(),
        weights);
  }
}
