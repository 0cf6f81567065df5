package dev.tokbench.gguf;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The key-value metadata of a GGUF file, in file order, with typed look-ups: {@code
 * metadata.string("general.architecture")}, {@code metadata.integer("llama.block_count")}. A key
 * that is present with another type is a {@link GgufFormatException}, not an empty result.
 */
public final class GgufMetadata {
  private final Path path;
  private final Map<String, GgufValue> values;

  GgufMetadata(Path path, LinkedHashMap<String, GgufValue> values) {
    this.path = path;
    this.values = Collections.unmodifiableMap(values);
  }

  /** Number of keys. */
  public int size() {
    return values.size();
  }

  /** The keys in file order. */
  public List<String> keys() {
    return List.copyOf(values.keySet());
  }

  /** Every entry, in file order. */
  public Map<String, GgufValue> asMap() {
    return values;
  }

  public boolean contains(String key) {
    return values.containsKey(key);
  }

  public Optional<GgufValue> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public Optional<String> string(String key) {
    return get(key).map(GgufValue::asString);
  }

  /** An integer value of any integer type. */
  public OptionalLong integer(String key) {
    GgufValue v = values.get(key);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v.asLong());
  }

  /** A numeric value of any numeric type. */
  public OptionalDouble number(String key) {
    GgufValue v = values.get(key);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v.asDouble());
  }

  public Optional<Boolean> bool(String key) {
    return get(key).map(GgufValue::asBoolean);
  }

  public Optional<GgufArray> array(String key) {
    return get(key).map(GgufValue::asArray);
  }

  /** The file this metadata came from. */
  public Path path() {
    return path;
  }

  @Override
  public String toString() {
    String head =
        values.entrySet().stream()
            .limit(4)
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", "));
    return "GgufMetadata[" + size() + " keys: " + head + (size() > 4 ? ", …]" : "]");
  }
}
