package dev.tokbench.formats.llamalog;

import dev.tokbench.memory.BufferSize.Component;
import dev.tokbench.memory.FitProjection;
import dev.tokbench.memory.MeasuredBreakdown;
import dev.tokbench.memory.MeasuredBuffer;
import dev.tokbench.memory.MemorySection;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.MemoryRow;
import dev.tokbench.results.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rows of one section of a llama.cpp log: one per device it names. */
final class MemoryRows {
  /** A quantization at the end of a model's file name: {@code llama-3.2-1b-Q4_K_M}. */
  private static final Pattern QUANT =
      Pattern.compile(
          "^(.+?)[-_.]((?:I?Q\\d(?:_[A-Z0-9]+)*)|F16|F32|BF16)$", Pattern.CASE_INSENSITIVE);

  /** A matrix log's header keys, as llama-bench names the same settings. */
  private static final Map<String, String> FLAGS =
      Map.of(
          "c",
          "n_ctx",
          "ctk",
          "type_k",
          "ctv",
          "type_v",
          "ngl",
          "n_gpu_layers",
          "np",
          "n_parallel",
          "fa",
          "flash_attn");

  private MemoryRows() {}

  static List<BenchResult> of(MemorySection s, String fallbackModel) {
    String model = model(s, fallbackModel);
    Map<String, Map<String, String>> devices = devices(s);
    List<BenchResult> out = new ArrayList<>();
    if (devices.isEmpty() && !s.failed()) return out; // no memory line, no failure: nothing ran
    if (devices.isEmpty()) devices.put("", new LinkedHashMap<>());
    devices.forEach((device, extra) -> out.add(row(s, model, device, extra)));
    return out;
  }

  /**
   * The header's model: its first word, the second of a {@code == fit MODEL} (llama-fit-params).
   */
  private static String model(MemorySection s, String fallback) {
    String[] words = s.label().trim().split("\\s+");
    if (words.length > 1 && words[0].equals("fit")) return words[1];
    return s.model().isEmpty() ? fallback : s.model();
  }

  private static BenchResult row(
      MemorySection s, String model, String device, Map<String, String> figures) {
    Matcher q = QUANT.matcher(model);
    boolean named = q.matches();
    Map<String, String> extra = new LinkedHashMap<>(figures);
    extra.put(MemoryRow.DEVICE, device);
    if (!s.label().isEmpty()) extra.put("memory_section", s.label());
    extra.put("memory_line", String.valueOf(s.line()));
    extra.put("memory_from", s.breakdowns().isEmpty() ? "buffers" : "breakdown");
    return BenchResult.measured("llama.cpp")
        .backend(backend(device))
        .model(named ? q.group(1) : model, named ? q.group(2).toUpperCase(Locale.ROOT) : "")
        .test(MemoryRow.TEST, 0, 0, 0)
        .device(
            device.contains(" (")
                ? device.substring(device.indexOf(" (") + 2, device.length() - 1)
                : "")
        .flags(flags(s))
        .status(status(s), String.join(" | ", s.failures()))
        .extra(extra)
        .build();
  }

  private static Status status(MemorySection s) {
    if (!s.failed()) return Status.OK;
    boolean oom =
        s.failures().stream()
            .map(l -> l.toLowerCase(Locale.ROOT))
            .anyMatch(
                l ->
                    l.contains("out of memory")
                        || l.contains("failed to allocate")
                        || l.contains("insufficient memory")
                        || l.contains("bad_alloc"));
    return oom ? Status.OOM : Status.FAILED;
  }

  private static String backend(String device) {
    String d = device.toUpperCase(Locale.ROOT);
    if (d.startsWith("CUDA")) return "CUDA";
    if (d.startsWith("VULKAN")) return "Vulkan";
    if (d.startsWith("METAL") || d.startsWith("MTL")) return "Metal";
    if (d.startsWith("ROCM")) return "ROCm";
    return d.isEmpty() ? "" : "CPU";
  }

  private static Map<String, String> flags(MemorySection s) {
    Map<String, String> out = new LinkedHashMap<>();
    s.settings().forEach((k, v) -> out.put(FLAGS.getOrDefault(k, k), v));
    return out;
  }

  /**
   * Each device's figures: the last breakdown table's rows when there is one (the whole run's
   * memory), else the buffers llama.cpp stated while loading, by buffer type.
   */
  private static Map<String, Map<String, String>> devices(MemorySection s) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (MeasuredBreakdown b : s.breakdowns()) out.put(b.device(), breakdown(b));
    if (out.isEmpty()) {
      for (MeasuredBuffer b : s.buffers()) {
        Map<String, String> m = out.computeIfAbsent(b.buffer(), k -> new LinkedHashMap<>());
        m.put("memory_" + key(b.component()) + "_mib", mib(lastOf(s, b)));
      }
    }
    for (FitProjection p : s.projections()) {
      Map<String, String> m = out.get(projectedDevice(out, p));
      if (m != null) m.put("memory_fit_projected_mib", String.valueOf(p.usedMib()));
    }
    for (MeasuredBuffer b : s.buffers()) {
      Map<String, String> m = out.get(ownerOf(out, b.buffer()));
      if (m != null)
        m.put("buffer." + key(b.component()) + "." + b.buffer() + "_mib", mib(lastOf(s, b)));
    }
    return out;
  }

  private static Map<String, String> breakdown(MeasuredBreakdown b) {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "total", b.totalMib());
    put(m, "free", b.freeMib());
    m.put("memory_self_mib", String.valueOf(b.selfMib()));
    m.put("memory_model_mib", String.valueOf(b.modelMib()));
    m.put("memory_context_mib", String.valueOf(b.contextMib()));
    m.put("memory_compute_mib", String.valueOf(b.computeMib()));
    put(m, "unaccounted", b.unaccountedMib());
    return m;
  }

  private static void put(Map<String, String> m, String what, OptionalLong v) {
    if (v.isPresent()) m.put("memory_" + what + "_mib", String.valueOf(v.getAsLong()));
  }

  private static MeasuredBuffer lastOf(MemorySection s, MeasuredBuffer b) {
    return s.buffer(b.component(), b.buffer()).orElse(b);
  }

  private static String mib(MeasuredBuffer b) {
    return String.valueOf(b.mib());
  }

  private static String key(Component c) {
    return c == Component.KV ? "context" : c.name().toLowerCase(Locale.ROOT);
  }

  /** The breakdown row a buffer type belongs to: CUDA0 to "CUDA0 (H200)", CPU_Mapped to Host. */
  private static String ownerOf(Map<String, Map<String, String>> rows, String buffer) {
    if (rows.containsKey(buffer)) return buffer;
    for (String d : rows.keySet()) if (d.startsWith(buffer + " (")) return d;
    return rows.containsKey("Host") ? "Host" : null;
  }

  private static String projectedDevice(Map<String, Map<String, String>> rows, FitProjection p) {
    if (p.device().equals("host")) return rows.containsKey("Host") ? "Host" : null;
    String gpu = p.device().equals("device") ? "CUDA0" : p.device();
    return ownerOf(rows, gpu);
  }
}
