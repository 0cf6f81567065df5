package dev.tokbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.gguf.GgmlType;
import dev.tokbench.gguf.GgufModel;
import dev.tokbench.gguf.ModelSummary;
import dev.tokbench.gguf.TensorInfo;
import dev.tokbench.gguf.TypeStats;
import java.nio.ByteOrder;
import java.util.List;

/** {@code gguf inspect --json}: one object per model, keys as issue 2 lists them. */
final class GgufJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GgufJson() {}

  static String line(GgufModel model, List<String> problems, boolean withTensors) {
    try {
      return JSON.writeValueAsString(object(model, problems, withTensors));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode object(GgufModel model, List<String> problems, boolean withTensors) {
    ModelSummary s = model.summary();
    ObjectNode o = JSON.createObjectNode();
    o.put("file", s.path().toString());
    o.put("version", s.version());
    o.put("byte_order", model.first().byteOrder() == ByteOrder.BIG_ENDIAN ? "big" : "little");
    text(o, "architecture", s.architecture());
    text(o, "name", s.name());
    text(o, "file_type", s.fileType());
    text(o, "file_type_description", s.fileTypeDescription());
    o.put("n_params", s.nParams());
    o.put("tensor_bytes", s.tensorBytes());
    o.put("file_bytes", s.fileBytes());
    o.put("bits_per_weight", s.bitsPerWeight());
    o.put("n_tensors", s.nTensors());
    o.put("n_kv", s.nKv());
    o.put("alignment", model.first().alignment());
    o.put("data_offset", model.first().dataOffset());
    o.put("split_count", s.splitCount());
    shape(o, s);
    text(o, "tokenizer_model", s.tokenizerModel());
    o.put("tied_embeddings", s.tiedEmbeddings());
    ObjectNode kv = o.putObject("kv_bytes_per_token");
    kv.put("f16", s.kvBytesPerToken(GgmlType.F16));
    kv.put("q8_0", s.kvBytesPerToken(GgmlType.Q8_0));
    types(o.putObject("types"), s.types());
    ArrayNode p = o.putArray("problems");
    problems.forEach(p::add);
    if (withTensors) tensors(o.putArray("tensors"), model.tensors());
    return o;
  }

  private static void shape(ObjectNode o, ModelSummary s) {
    count(o, "context_length", s.contextLength());
    count(o, "block_count", s.blockCount());
    count(o, "embedding_length", s.embeddingLength());
    count(o, "feed_forward_length", s.feedForwardLength());
    count(o, "head_count", s.headCount());
    count(o, "head_count_kv", s.headCountKv());
    count(o, "head_dim", s.headDim());
    count(o, "key_length", s.keyLength());
    count(o, "value_length", s.valueLength());
    count(o, "vocab_size", s.vocabSize());
  }

  /** Absent shape values (0) become null, so "not in the file" is not read as a real zero. */
  private static void count(ObjectNode o, String key, long v) {
    if (v == 0) o.putNull(key);
    else o.put(key, v);
  }

  private static void text(ObjectNode o, String key, String v) {
    if (v.isEmpty()) o.putNull(key);
    else o.put(key, v);
  }

  private static void types(ObjectNode o, List<TypeStats> types) {
    for (TypeStats t : types) {
      ObjectNode n = o.putObject(t.type());
      n.put("tensors", t.tensors());
      n.put("params", t.params());
      n.put("bytes", t.bytes());
    }
  }

  private static void tensors(ArrayNode a, List<TensorInfo> tensors) {
    for (TensorInfo t : tensors) {
      ObjectNode n = a.addObject();
      n.put("name", t.name());
      n.put("type", t.typeName());
      ArrayNode dims = n.putArray("dims");
      t.dims().forEach(dims::add);
      n.put("elements", t.elements());
      if (t.hasKnownType()) n.put("bytes", t.bytes());
      else n.putNull("bytes");
      n.put("offset", t.fileOffset());
    }
  }
}
