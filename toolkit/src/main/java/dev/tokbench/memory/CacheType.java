package dev.tokbench.memory;

import dev.tokbench.gguf.GgmlType;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The KV-cache types llama.cpp accepts for {@code -ctk} and {@code -ctv} ({@code kv_cache_types}).
 */
public final class CacheType {
  /** In the order llama.cpp lists them (common/arg.cpp). */
  public static final List<GgmlType> ALL =
      List.of(
          GgmlType.F32,
          GgmlType.F16,
          GgmlType.BF16,
          GgmlType.Q8_0,
          GgmlType.Q4_0,
          GgmlType.Q4_1,
          GgmlType.IQ4_NL,
          GgmlType.Q5_0,
          GgmlType.Q5_1);

  private CacheType() {}

  /**
   * The type llama.cpp names {@code name} ({@code f16}, {@code q8_0}; case does not matter).
   *
   * @throws MemoryOptionException naming the types llama.cpp allows
   */
  public static GgmlType parse(String name) {
    for (GgmlType t : ALL) {
      if (name(t).equalsIgnoreCase(name.trim())) return t;
    }
    throw new MemoryOptionException(
        "unsupported KV cache type '"
            + name
            + "'; llama.cpp allows "
            + ALL.stream().map(CacheType::name).collect(Collectors.joining(", ")));
  }

  /** {@code ggml_type_name}: lower case, as llama.cpp prints it. */
  public static String name(GgmlType t) {
    return t.name().toLowerCase(Locale.ROOT);
  }
}
