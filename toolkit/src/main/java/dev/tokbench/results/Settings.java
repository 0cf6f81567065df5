package dev.tokbench.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What defines a measurement: every setting of a row by name, so that two rows with equal settings
 * are repeats of one configuration and two that differ say in what. The names are the framework,
 * backend, device, model, quant, flash attention and test, every flag under a short name ({@code
 * threads}, {@code batch}, {@code ubatch}, {@code type_k}, {@code gpu_layers} …, the rest by their
 * own key), the build's {@code commit} and the framework's {@code version}. Left out, because they
 * say how or when a row was measured rather than what: repetitions, times, hosts, command lines.
 *
 * <pre>{@code
 * Settings.of(row).get("threads")          // "16"
 * Settings.of(a).differences(Settings.of(b)) // [device, commit]
 * }</pre>
 */
public final class Settings {
  /** The names that every row has, in the order tables show them. */
  public static final List<String> IDENTITY =
      List.of("framework", "backend", "device", "model", "quant", "flash_attn", "test");

  /** Flags under a shorter name; every other flag keeps its key. */
  private static final Map<String, String> FLAG_NAMES =
      Map.of(
          "n_threads", "threads",
          "n_batch", "batch",
          "n_ubatch", "ubatch",
          "n_gpu_layers", "gpu_layers");

  /**
   * Flags that say how often, not what, was measured. (A flag named like an identity setting, such
   * as llama-bench's raw {@code flash_attn}, is left out too: the identity states it already.)
   */
  private static final Set<String> NOT_SETTINGS = Set.of("repetitions");

  /** Flags shown first, in this order, when they vary; the rest follow by name. */
  private static final List<String> FIRST_FLAGS =
      List.of("threads", "batch", "ubatch", "type_k", "type_v", "gpu_layers", "split_mode", "env");

  private static final Map<String, String> HEADERS =
      Map.ofEntries(
          Map.entry("framework", "Framework"),
          Map.entry("backend", "Backend"),
          Map.entry("device", "Device"),
          Map.entry("model", "Model"),
          Map.entry("quant", "Quant"),
          Map.entry("flash_attn", "FA"),
          Map.entry("test", "Test"),
          Map.entry("threads", "Threads"),
          Map.entry("batch", "Batch"),
          Map.entry("ubatch", "Ubatch"),
          Map.entry("type_k", "K cache"),
          Map.entry("type_v", "V cache"),
          Map.entry("gpu_layers", "GPU layers"),
          Map.entry("split_mode", "Split mode"),
          Map.entry("env", "Env"),
          Map.entry("parallel", "Parallel sequences"),
          Map.entry("commit", "Commit"),
          Map.entry("version", "Version"));

  private final String[] names;
  private final String[] values;
  private final int hash;

  private Settings(String[] names, String[] values) {
    this.names = names;
    this.values = values;
    this.hash = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  /** The settings of one row. */
  public static Settings of(BenchResult r) {
    Tail t = tail(r);
    String[] tn = t.names;
    String[] n = new String[IDENTITY.size() + tn.length];
    String[] v = new String[n.length];
    String[] id = {
      r.framework(), r.backend(), r.device(), r.model(), r.quant(), r.flashAttn().label(), r.test()
    };
    for (int i = 0; i < id.length; i++) {
      n[i] = IDENTITY.get(i);
      v[i] = id[i] == null ? "" : id[i];
    }
    System.arraycopy(tn, 0, n, id.length, tn.length);
    System.arraycopy(t.values, 0, v, id.length, tn.length);
    return new Settings(n, v);
  }

  /**
   * The settings a row's flags and provenance give, after the identity. Rows of one results file
   * share equal flags and provenance maps (immutable; ReadPool), so each pair of maps is worked out
   * once, not once per row and per table: a small cache by the maps' identity (its entries are
   * immutable, so threads may share it unlocked; a miss only works them out again).
   */
  private record Tail(
      Map<String, String> flags, Map<String, String> provenance, String[] names, String[] values) {}

  private static final Tail[] TAILS =
      new Tail[1 << 14]; // 16,384 slots: a fleet's files hold a few thousand pairs

  private static Tail tail(BenchResult r) {
    Map<String, String> flags = r.flags();
    Map<String, String> provenance = r.provenance();
    int slot =
        (System.identityHashCode(flags) * 31 + System.identityHashCode(provenance))
            & (TAILS.length - 1);
    Tail t = TAILS[slot];
    if (t != null && t.flags == flags && t.provenance == provenance) return t;
    List<String> n = new ArrayList<>(16);
    List<String> v = new ArrayList<>(16);
    for (String f : FIRST_FLAGS) {
      String key = flagKey(f);
      if (flags.containsKey(key)) add(n, v, f, flags.get(key));
    }
    flags.forEach(
        (k, value) -> {
          String name = FLAG_NAMES.getOrDefault(k, k);
          boolean shown = FIRST_FLAGS.contains(name) || IDENTITY.contains(name);
          if (!NOT_SETTINGS.contains(k) && !shown) add(n, v, name, value);
        });
    String commit = firstOf(provenance, "build_commit", "tinygrad_commit", "commit");
    if (commit != null) add(n, v, "commit", commit);
    String version = version(provenance);
    if (version != null) add(n, v, "version", version);
    t = new Tail(flags, provenance, n.toArray(String[]::new), v.toArray(String[]::new));
    TAILS[slot] = t;
    return t;
  }

  private static void add(List<String> names, List<String> values, String name, String value) {
    names.add(name);
    values.add(value == null ? "" : value);
  }

  private static String flagKey(String name) {
    for (Map.Entry<String, String> e : FLAG_NAMES.entrySet()) {
      if (e.getValue().equals(name)) return e.getKey();
    }
    return name;
  }

  private static String firstOf(Map<String, String> m, String... keys) {
    for (String k : keys) if (m.containsKey(k)) return m.get(k);
    return null;
  }

  /** {@code tinygrad_version}, {@code vllm_version} …; not tokbench's own. */
  private static String version(Map<String, String> provenance) {
    for (Map.Entry<String, String> e : provenance.entrySet()) {
      String k = e.getKey();
      if (k.endsWith("_version") && !k.equals("toolkit_version") && !k.equals("cuda_version")) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The value of a setting; empty when this row does not have it. */
  public String get(String name) {
    for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return values[i];
    return "";
  }

  /** True when the row has this setting at all. */
  public boolean has(String name) {
    for (String n : names) if (n.equals(name)) return true;
    return false;
  }

  /** The names, in order. */
  public List<String> names() {
    return List.of(names);
  }

  /** Name to value, in order. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) m.put(names[i], values[i]);
    return m;
  }

  /** These settings without the named ones (e.g. the setting two runs are compared on). */
  public Settings without(Collection<String> left) {
    List<String> n = new ArrayList<>();
    List<String> v = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (!left.contains(names[i])) add(n, v, names[i], values[i]);
    }
    return new Settings(n.toArray(String[]::new), v.toArray(String[]::new));
  }

  /** These settings with one value replaced (or added at the end). */
  public Settings with(String name, String value) {
    String[] n = names;
    String[] v = values.clone();
    int i = Arrays.asList(names).indexOf(name);
    if (i < 0) {
      n = Arrays.copyOf(names, names.length + 1);
      v = Arrays.copyOf(values, values.length + 1);
      n[names.length] = name;
      i = names.length;
    }
    v[i] = value;
    return new Settings(n, v);
  }

  /** The names whose values differ, or that only one of the two has, in this one's order. */
  public List<String> differences(Settings other) {
    List<String> out = new ArrayList<>();
    for (String n : names) if (!other.has(n) || !other.get(n).equals(get(n))) out.add(n);
    for (String n : other.names) if (!has(n)) out.add(n);
    return out;
  }

  /** How a table heads a column of this setting: {@code threads} is {@code Threads}. */
  public static String header(String name) {
    return HEADERS.getOrDefault(name, name);
  }

  /**
   * The order in which settings are shown: the identity first, then the flags tables show first,
   * then the rest by name, commit and version last.
   */
  public static int rank(String name) {
    int i = IDENTITY.indexOf(name);
    if (i >= 0) return i;
    int f = FIRST_FLAGS.indexOf(name);
    if (f >= 0) return IDENTITY.size() + f;
    if (name.equals("commit")) return 1000;
    if (name.equals("version")) return 1001;
    return IDENTITY.size() + FIRST_FLAGS.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Settings s
        && hash == s.hash
        && Arrays.equals(names, s.names)
        && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      if (values[i].isEmpty()) continue;
      if (b.length() > 0) b.append(", ");
      b.append(names[i]).append('=').append(values[i]);
    }
    return b.toString();
  }
}
