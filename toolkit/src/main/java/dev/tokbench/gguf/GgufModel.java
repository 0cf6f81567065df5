package dev.tokbench.gguf;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A model as llama.cpp loads it: one GGUF file, or every shard of a split model ({@code
 * name-00001-of-00003.gguf}, written by {@code llama-gguf-split}). Get one with {@link
 * Gguf#readModel}, from any of its shards.
 *
 * @param shards the files in shard order; one for an unsplit model
 * @param missing shard files that {@code split.count} promises but that do not exist
 */
public record GgufModel(List<GgufFile> shards, List<Path> missing) {
  /** {@code llama_split_path}: {@code "%s-%05d-of-%05d.gguf"}, numbered from 1. */
  private static final Pattern SHARD = Pattern.compile("(.*)-(\\d{5})-of-(\\d{5})\\.gguf");

  public GgufModel {
    shards = List.copyOf(shards);
    missing = List.copyOf(missing);
    if (shards.isEmpty()) throw new IllegalArgumentException("a model needs at least one file");
  }

  /** Reads {@code path} and, if it is one shard of a split model, the other shards beside it. */
  static GgufModel read(Path path) {
    GgufFile given = Gguf.read(path);
    int count = splitCount(given);
    Matcher m = SHARD.matcher(path.getFileName().toString());
    if (count <= 1 || !m.matches()) return new GgufModel(List.of(given), List.of());
    List<GgufFile> shards = new ArrayList<>();
    List<Path> missing = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Path p = path.resolveSibling(String.format("%s-%05d-of-%05d.gguf", m.group(1), i, count));
      if (p.equals(path)) shards.add(given);
      else if (Files.isRegularFile(p)) shards.add(Gguf.read(p));
      else missing.add(p);
    }
    return new GgufModel(shards, missing);
  }

  /** {@code split.count}, 1 when absent. */
  static int splitCount(GgufFile f) {
    Optional<GgufValue> v = f.metadata().get("split.count");
    if (v.isEmpty()) return 1;
    long n = v.get().asLong();
    if (n < 1 || n > 99_999) {
      throw new GgufFormatException(f.path(), v.get().offset(), "split.count " + n + " is invalid");
    }
    return (int) n;
  }

  /** The first shard present, which holds the model's metadata. */
  public GgufFile first() {
    return shards.get(0);
  }

  /** Every tensor of every shard, in shard order. */
  public List<TensorInfo> tensors() {
    return shards.stream().flatMap(s -> s.tensors().stream()).collect(Collectors.toList());
  }

  /** The shard that holds this tensor info. */
  public GgufFile shardOf(TensorInfo t) {
    for (GgufFile s : shards) {
      if (s.tensors().contains(t)) return s;
    }
    throw new IllegalArgumentException("tensor " + t.name() + " is not in this model");
  }

  /** The tensor's data, from whichever shard holds it. */
  public ByteBuffer tensorData(TensorInfo t) {
    return shardOf(t).tensorData(t);
  }

  public Optional<TensorInfo> tensor(String name) {
    return shards.stream().flatMap(s -> s.tensor(name).stream()).findFirst();
  }

  /** The summary of all shards together. */
  public ModelSummary summary() {
    return ModelSummary.of(shards);
  }

  /** Each shard's problems, prefixed by its file name when split, and missing shards. */
  public List<String> verify() {
    List<String> out = new ArrayList<>();
    for (Path p : missing) out.add("missing shard " + p.getFileName());
    for (GgufFile s : shards) {
      String prefix = shards.size() + missing.size() > 1 ? s.path().getFileName() + ": " : "";
      for (String problem : s.verify()) out.add(prefix + problem);
    }
    splitConsistency(out);
    return List.copyOf(out);
  }

  /** {@link GgufFile#checkTensors()} of every shard, prefixed by its file name when split. */
  public List<String> checkTensors() {
    List<String> out = new ArrayList<>();
    for (GgufFile s : shards) {
      String prefix = shards.size() + missing.size() > 1 ? s.path().getFileName() + ": " : "";
      for (String problem : s.checkTensors()) out.add(prefix + problem);
    }
    return List.copyOf(out);
  }

  private void splitConsistency(List<String> out) {
    Optional<GgufValue> total = first().metadata().get("split.tensors.count");
    if (total.isPresent() && missing.isEmpty() && total.get().isInteger()) {
      long expected = total.get().asLong();
      int actual = tensors().size();
      if (expected != actual) {
        out.add("split.tensors.count is " + expected + " but the shards hold " + actual);
      }
    }
  }

  @Override
  public String toString() {
    return shards.size() + missing.size() == 1
        ? first().toString()
        : "GgufModel["
            + first().path().getFileName()
            + ", "
            + shards.size()
            + " of "
            + (shards.size() + missing.size())
            + " shards, "
            + tensors().size()
            + " tensors]";
  }
}
