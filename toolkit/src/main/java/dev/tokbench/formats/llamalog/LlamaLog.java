package dev.tokbench.formats.llamalog;

import dev.tokbench.memory.MeasuredBuffer;
import dev.tokbench.memory.MemoryLog;
import dev.tokbench.memory.MemoryLogException;
import dev.tokbench.memory.MemorySection;
import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A llama.cpp log as rows: one {@link dev.tokbench.results.MemoryRow} per device per run (per
 * {@code ==} section of a matrix log), from the memory breakdown table llama.cpp prints at exit, or
 * from the buffer sizes it prints while loading when the run ended before the table:
 *
 * <pre>{@code
 * LlamaLog.read(Path.of("server.log"))   // rows with test "memory"
 * }</pre>
 */
public final class LlamaLog {
  /** The import format's name. */
  public static final String FORMAT = "llama-log";

  /** A memory line of llama.cpp, wherever the log's prefix puts it. */
  private static final Pattern MEMORY_LINE =
      Pattern.compile(
          "(?m)(?:^|\\s)(?:common_memory_breakdown_print: \\||llama_memory_breakdown_print: \\|"
              + "|load_tensors: .* model buffer size =|llama_kv_cache: .* KV buffer size ="
              + "|sched_reserve: .* compute buffer size =|_fit_impl: projected to use )");

  private LlamaLog() {}

  /** True when the text (a file's start) has a line only llama.cpp's memory logging prints. */
  public static boolean recognises(String text) {
    return MEMORY_LINE.matcher(text).find();
  }

  /**
   * The memory rows of a log, gzip-compressed or not; a section without a header is named after the
   * file.
   *
   * @throws dev.tokbench.memory.MemoryLogException naming the line that cannot be read
   */
  public static List<BenchResult> read(Path file) {
    String name = file.getFileName().toString().replaceFirst("(\\.gz)?$", "");
    return rows(MemoryLog.read(file), name.replaceFirst("\\.[^.]*$", ""));
  }

  /**
   * The buffers that llama.cpp's lines state, as {@code extra} keys of the row of the run they
   * belong to: {@code buffer.model.CUDA0_mib}, {@code buffer.context.CUDA0_mib}, {@code
   * buffer.compute.CUDA_Host_mib} … (MiB as printed, the last size stated per buffer), with {@code
   * memory_from} naming where they were read; none when no line states a buffer. A line that claims
   * to be a memory line but does not read gives {@code memory_error} instead of failing the run it
   * describes.
   */
  public static Map<String, String> bufferFields(String from, List<String> lines) {
    MemorySection s;
    try {
      List<MemorySection> all =
          MemoryLog.parse(from, new java.io.StringReader(String.join("\n", lines))).sections();
      if (all.isEmpty()) return Map.of();
      s = all.get(all.size() - 1);
    } catch (MemoryLogException e) {
      return Map.of("memory_error", e.getMessage());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringReader does not fail
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (MeasuredBuffer b : s.buffers()) {
      MeasuredBuffer last = s.buffer(b.component(), b.buffer()).orElse(b);
      out.put(MemoryRows.bufferKey(last), String.valueOf(last.mib()));
    }
    if (!out.isEmpty()) out.put("memory_from", from);
    return out;
  }

  /** The memory rows of a parsed log; {@code model} names sections whose header does not. */
  public static List<BenchResult> rows(MemoryLog log, String model) {
    List<BenchResult> out = new ArrayList<>();
    for (MemorySection s : log.sections()) out.addAll(MemoryRows.of(s, model));
    return out;
  }
}
