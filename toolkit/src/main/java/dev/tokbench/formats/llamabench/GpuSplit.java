package dev.tokbench.formats.llamabench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many GPUs a llama-bench test used and how the model was split, from the fields it prints:
 * {@code gpu_info} (every GPU it saw, joined by {@code ", "}), {@code devices} ({@code auto} or
 * {@code CUDA0/CUDA1}), {@code n_gpu_layers}, {@code split_mode}, {@code main_gpu} and {@code
 * tensor_split} ({@code 0.00} for "in proportion to free memory", else {@code 0.75/0.25}).
 */
final class GpuSplit {
  private GpuSplit() {}

  /**
   * {@code gpus} (how many took part) and {@code split} ({@code layer 0.75/0.25 over 2 GPUs},
   * {@code none on GPU 1}) for a row of a machine where llama-bench saw several GPUs; nothing for
   * one GPU or none, so that single-GPU rows stay as they were.
   */
  static Map<String, String> of(LlamaBenchRecord r) {
    Map<String, String> out = new LinkedHashMap<>();
    String info = r.get("gpu_info");
    int seen = info == null || info.isBlank() ? 0 : info.split(", ").length;
    if (seen < 2) return out;
    int gpus = used(r, seen);
    String mode = field(r, "split_mode", "layer");
    String split =
        gpus <= 1 && mode.equals("none")
            ? "none on GPU " + field(r, "main_gpu", "0")
            : mode + " " + field(r, "tensor_split", "0.00") + " over " + gpus + " GPUs";
    out.put("gpus", Integer.toString(gpus));
    out.put("split", gpus == 0 ? "none: no layer on a GPU" : split);
    return out;
  }

  private static int used(LlamaBenchRecord r, int seen) {
    if (field(r, "n_gpu_layers", "99").equals("0")) return 0;
    if (field(r, "split_mode", "layer").equals("none")) return 1;
    String devices = field(r, "devices", "auto");
    int offered =
        devices.equals("auto") ? seen : devices.equals("none") ? 0 : devices.split("/").length;
    double[] ts = proportions(field(r, "tensor_split", "0.00"));
    long given = Arrays.stream(ts).filter(t -> t > 0).count();
    return given == 0 ? offered : (int) Math.min(given, offered);
  }

  private static double[] proportions(String tensorSplit) {
    try {
      return Arrays.stream(tensorSplit.split("[/;]")).mapToDouble(Double::parseDouble).toArray();
    } catch (NumberFormatException e) {
      return new double[0]; // not a split llama-bench prints: taken as its default
    }
  }

  private static String field(LlamaBenchRecord r, String name, String ifAbsent) {
    String v = r.get(name);
    return v == null || v.isBlank() ? ifAbsent : v.trim();
  }
}
