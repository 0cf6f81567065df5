package dev.tokbench.gguf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds a {@link ModelSummary} from the metadata and tensor infos of one or more shards. */
final class Summarizer {
  /** Shape values are {@code uint32_t} in llama.cpp's loader; larger ones are refused. */
  private static final long MAX_SHAPE = 0xffff_ffffL;

  private final GgufFile first;
  private final GgufMetadata md;
  private final String arch;

  private Summarizer(GgufFile first) {
    this.first = first;
    this.md = first.metadata();
    this.arch = md.string("general.architecture").orElse("");
  }

  static ModelSummary summarize(List<GgufFile> shards) {
    if (shards.isEmpty()) throw new IllegalArgumentException("no GGUF files to summarise");
    return new Summarizer(shards.get(0)).build(shards);
  }

  private ModelSummary build(List<GgufFile> shards) {
    List<TypeStats> types = types(shards);
    long params = 0;
    long bytes = 0;
    long fileBytes = 0;
    int nTensors = 0;
    try {
      for (TypeStats s : types) {
        params = Math.addExact(params, s.params());
        bytes = Math.addExact(bytes, s.bytes());
      }
      for (GgufFile f : shards) {
        fileBytes += f.fileBytes();
        nTensors += f.tensors().size();
      }
    } catch (ArithmeticException e) {
      throw new GgufFormatException(first.path(), first.dataOffset(), "tensor sizes overflow");
    }
    long embd = shape("embedding_length");
    long heads = maxPerLayer("attention.head_count");
    long kvHeads =
        md.contains(key("attention.head_count_kv"))
            ? maxPerLayer("attention.head_count_kv")
            : heads;
    long keyLength = shape("attention.key_length");
    if (keyLength == 0 && heads > 0) keyLength = embd / heads;
    long valueLength = shape("attention.value_length");
    if (valueLength == 0) valueLength = keyLength;
    String[] fileType = fileType(shards);
    ModelSummary s =
        new ModelSummary(
            first.path(),
            first.version(),
            arch,
            md.string("general.name").orElse(""),
            fileType[0],
            fileType[1],
            params,
            bytes,
            fileBytes,
            nTensors,
            md.size(),
            shape("context_length"),
            shape("block_count"),
            embd,
            maxPerLayer("feed_forward_length"),
            heads,
            kvHeads,
            keyLength,
            valueLength,
            vocabSize(),
            md.string("tokenizer.ggml.model").orElse(""),
            tiedEmbeddings(shards),
            shards.size(),
            types,
            kvHeadsByLayer());
    checkKvArithmetic(s);
    return s;
  }

  private String key(String suffix) {
    return arch + "." + suffix;
  }

  /** {@code <arch>.<suffix>} as a non-negative {@code uint32}, or 0 when absent. */
  private long shape(String suffix) {
    OptionalLong v = md.integer(key(suffix));
    if (v.isEmpty()) return 0;
    return checkShape(suffix, v.getAsLong());
  }

  private long checkShape(String suffix, long v) {
    if (v < 0 || v > MAX_SHAPE) {
      long at = md.get(key(suffix)).map(GgufValue::offset).orElse(0L);
      throw new GgufFormatException(md.path(), at, key(suffix) + " is " + v + ", not a uint32");
    }
    return v;
  }

  /** A value that may be one integer or one per layer (OpenELM, Gemma 3n): the largest. */
  private long maxPerLayer(String suffix) {
    Optional<GgufValue> v = md.get(key(suffix));
    if (v.isEmpty() || v.get().type() != GgufValueType.ARRAY) return shape(suffix);
    long max = 0;
    for (long x : v.get().asArray().longs()) max = Math.max(max, checkShape(suffix, x));
    return max;
  }

  private List<Long> kvHeadsByLayer() {
    Optional<GgufValue> v = md.get(key("attention.head_count_kv"));
    if (v.isEmpty() || v.get().type() != GgufValueType.ARRAY) return List.of();
    return v.get().asArray().longs();
  }

  private long vocabSize() {
    Optional<GgufArray> tokens = md.array("tokenizer.ggml.tokens");
    return tokens.isPresent() ? tokens.get().size() : shape("vocab_size");
  }

  private static boolean tiedEmbeddings(List<GgufFile> shards) {
    boolean embd = false;
    boolean output = false;
    for (GgufFile f : shards) {
      embd |= f.tensor("token_embd.weight").isPresent();
      output |= f.tensor("output.weight").isPresent();
    }
    return embd && !output;
  }

  /** Tensors, params and bytes per ggml type, most bytes first; unknown types count no bytes. */
  private static List<TypeStats> types(List<GgufFile> shards) {
    Map<String, TypeStats> by = new LinkedHashMap<>();
    for (GgufFile f : shards) {
      for (TensorInfo t : f.tensors()) {
        long bytes = t.hasKnownType() ? t.bytes() : 0;
        TypeStats one = new TypeStats(t.typeName(), 1, t.elements(), bytes);
        by.merge(t.typeName(), one, TypeStats::plus);
      }
    }
    List<TypeStats> out = new ArrayList<>(by.values());
    out.sort(Comparator.comparingLong(TypeStats::bytes).reversed());
    return out;
  }

  /** {name, description}: from {@code general.file_type}, else guessed as llama.cpp does. */
  private String[] fileType(List<GgufFile> shards) {
    OptionalLong id = md.integer("general.file_type");
    if (id.isPresent()) {
      long v = id.getAsLong();
      boolean guessed = (v & FileType.GUESSED) != 0;
      Optional<FileType> t = FileType.byId(v & ~FileType.GUESSED);
      String suffix = guessed ? " (guessed)" : "";
      return t.map(x -> new String[] {x.name() + suffix, x.description() + suffix})
          .orElse(new String[] {"unknown (" + v + ")", "unknown, may not work"});
    }
    return guessFileType(shards);
  }

  private static String[] guessFileType(List<GgufFile> shards) {
    Map<GgmlType, Integer> count = new LinkedHashMap<>();
    for (GgufFile f : shards) {
      for (TensorInfo t : f.tensors())
        t.knownType().ifPresent(g -> count.merge(g, 1, Integer::sum));
    }
    return count.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .flatMap(e -> FileType.guessFrom(e.getKey()))
        .map(t -> new String[] {t.name() + " (guessed)", t.description() + " (guessed)"})
        .orElse(new String[] {"", ""});
  }

  /** Refuses shapes whose KV-cache size overflows 64 bits, so the summary's methods never do. */
  private void checkKvArithmetic(ModelSummary s) {
    try {
      s.kvBytesPerToken(GgmlType.F32);
      s.kvCacheBytes(GgmlType.F32, s.contextLength());
    } catch (ArithmeticException e) {
      long at = md.get(key("block_count")).map(GgufValue::offset).orElse(0L);
      throw new GgufFormatException(md.path(), at, "implausible shape: KV cache size overflows");
    }
  }
}
