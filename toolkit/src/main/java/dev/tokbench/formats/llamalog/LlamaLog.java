package dev.tokbench.formats.llamalog;

import dev.tokbench.memory.MemoryLog;
import dev.tokbench.memory.MemorySection;
import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /** The memory rows of a parsed log; {@code model} names sections whose header does not. */
  public static List<BenchResult> rows(MemoryLog log, String model) {
    List<BenchResult> out = new ArrayList<>();
    for (MemorySection s : log.sections()) out.addAll(MemoryRows.of(s, model));
    return out;
  }
}
