package dev.tokbench.results;

/**
 * A row that holds memory, not speed: what one device held in one llama.cpp run (weights, KV cache,
 * compute buffers, read from the tool's own log), beside the speed rows of the same results file.
 * Its test is {@value #TEST}, its token counts are 0 and its tokens/s unknown (NaN); the figures
 * are in {@code extra}, in MiB as llama.cpp printed them ({@code memory_model_mib}, {@code
 * memory_context_mib}, {@code memory_compute_mib}, {@code memory_self_mib}, and for a GPU {@code
 * memory_total_mib}, {@code memory_free_mib}, {@code memory_unaccounted_mib}). Speed tables,
 * repeats and comparisons leave these rows out.
 */
public final class MemoryRow {
  /** The test of every memory row. */
  public static final String TEST = "memory";

  /** The {@code extra} key naming the device of the row as llama.cpp does: CUDA0, Host, CPU. */
  public static final String DEVICE = "memory_device";

  private MemoryRow() {}

  /** True for a memory row. */
  public static boolean is(BenchResult r) {
    return r.test().equals(TEST) && r.nPrompt() == 0 && r.nGen() == 0;
  }

  /** A figure of the row, in MiB ({@code model}, {@code context} …), NaN when not stated. */
  public static double mib(BenchResult r, String what) {
    String v = r.extra().get("memory_" + what + "_mib");
    if (v == null || v.isEmpty()) return Double.NaN;
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
