package dev.tokbench.synth;

import dev.tokbench.gguf.GgufValueType;
import dev.tokbench.gguf.GgufWriter;

/**
 * The metadata of a synthetic model, with the keys and types gguf-py's writer and llama-quantize
 * give a real one (compare the small-llama fixtures): hyper-parameters under the architecture's
 * prefix, the synthetic vocabulary, the file type.
 */
final class SynthMetadata {
  private SynthMetadata() {}

  static GgufWriter of(TensorPlan plan) {
    ModelShape s = plan.shape();
    String a = s.arch() + ".";
    GgufWriter w =
        GgufWriter.create()
            .string("general.architecture", s.arch())
            .string("general.name", s.name())
            .uint32(a + "context_length", s.ctx())
            .uint32(a + "embedding_length", s.embd())
            .uint32(a + "block_count", s.layers())
            .uint32(a + "feed_forward_length", s.ff())
            .uint32(a + "attention.head_count", s.heads())
            .uint32(a + "attention.head_count_kv", s.kvHeads())
            .uint32(a + "attention.key_length", s.headDim())
            .uint32(a + "attention.value_length", s.headDim())
            .uint32(a + "rope.dimension_count", s.headDim())
            .float32(a + "rope.freq_base", s.ropeTheta())
            .float32(a + "attention.layer_norm_rms_epsilon", s.rmsEps())
            .uint32(a + "vocab_size", s.vocab())
            .uint32("general.file_type", plan.fileType().id());
    SyntheticVocab v = SyntheticVocab.of(s.vocab());
    w.string("tokenizer.ggml.model", "llama")
        .array("tokenizer.ggml.tokens", GgufValueType.STRING, v.tokens())
        .array("tokenizer.ggml.scores", GgufValueType.FLOAT32, v.scores())
        .array("tokenizer.ggml.token_type", GgufValueType.INT32, v.tokenTypes())
        .uint32("tokenizer.ggml.bos_token_id", SyntheticVocab.BOS_ID)
        .uint32("tokenizer.ggml.eos_token_id", SyntheticVocab.EOS_ID)
        .uint32("tokenizer.ggml.unknown_token_id", SyntheticVocab.UNK_ID);
    if (TensorTypeRules.defaultType(plan.fileType()).isQuantized()) {
      w.uint32("general.quantization_version", 2); // GGML_QNT_VERSION
    }
    return w;
  }
}
