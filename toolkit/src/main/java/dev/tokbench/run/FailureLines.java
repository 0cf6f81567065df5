package dev.tokbench.run;

import dev.tokbench.process.OutputListener;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.results.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The stderr lines that say why a benchmark process failed, picked out as they stream: out of
 * memory as CUDA, Metal, Vulkan and the host report it in llama.cpp (and tinygrad, PyTorch), ggml's
 * assertions and aborts, CUDA errors, uncaught C++ exceptions, llama-bench's own errors, a shell's
 * "Illegal instruction", a Python exception's last line. {@link #reset()} starts over at each
 * finished test, so the lines are the failing test's own.
 */
public final class FailureLines {
  /** Lines kept: enough for an error and its context, few enough to read in a table's cell. */
  public static final int MAX_LINES = 6;

  private static final Pattern OUT_OF_MEMORY =
      Pattern.compile(
          "(?i)out[ _]?of[ _]?(device[ _]?|host[ _]?)?memory" // cudaMalloc, CUDA_CHECK, vk::, Metal
              + "|insufficient memory" // ggml_aligned_malloc, Metal's localizedDescription
              + "|failed to allocate\\b.*\\bbuffer" // ggml-alloc, ggml-backend, Metal, KV cache
              + "|unable to allocate\\b.*\\bbuffer" // llama_model_load
              + "|ggml_[mc]alloc: failed to allocate" // ggml.c host allocation
              + "|std::bad_alloc|cannot allocate memory|cudaErrorMemoryAllocation"
              + "|^\\s*MemoryError\\b");

  /** Warnings about memory that llama.cpp falls back from: not the failure. */
  private static final Pattern FALLBACK = Pattern.compile("(?i)pinned memory|falling back");

  private static final Pattern EXPLAINS =
      Pattern.compile(
          "GGML_ASSERT|GGML_ABORT"
              + "|^\\S+\\.(c|cc|cpp|cu|cuh|m|mm|h):\\d+: " // ggml_abort: file:line: message
              + "|(?i)\\b(cuda|vulkan|metal|hip|sycl|ggml_metal|cublas|musa) error"
              + "|current device: \\d+, in function"
              + "|(?i)illegal instruction|segmentation fault|bus error|floating point exception"
              + "|^Aborted|terminate called|what\\(\\):"
              + "|\\berror:|error loading model|failed to (load|create|run)"
              + "|^hs_err: " // a JVM's fatal error report, picked out by the embedded engine's
              // parent
              + "|^[A-Za-z_.]*(Error|Exception)\\b.*");

  private final List<String> lines = new ArrayList<>();
  private boolean outOfMemory;

  /** A listener that hands stdout to {@code stdout} and gives {@code why} every stderr line. */
  public static OutputListener listener(Consumer<String> stdout, FailureLines why) {
    return new OutputListener() {
      @Override
      public void stdout(String line) {
        stdout.accept(line);
      }

      @Override
      public void stderr(String line) {
        why.accept(line);
      }
    };
  }

  /** Takes one stderr line. */
  public void accept(String line) {
    String l = line.strip();
    if (l.isEmpty() || l.startsWith("#")) return; // backtrace frames
    boolean oom = OUT_OF_MEMORY.matcher(l).find() && !FALLBACK.matcher(l).find();
    outOfMemory |= oom;
    if (!oom && !EXPLAINS.matcher(l).find()) return;
    if (lines.contains(l)) return;
    if (lines.size() == MAX_LINES) lines.remove(oom ? lastNotOom() : MAX_LINES - 1);
    lines.add(l);
  }

  /** An out-of-memory line outranks the others when there is no room left. */
  private int lastNotOom() {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!OUT_OF_MEMORY.matcher(lines.get(i)).find()) return i;
    }
    return lines.size() - 1;
  }

  /** Forgets what was seen: a test finished, the next one starts clean. */
  public void reset() {
    lines.clear();
    outOfMemory = false;
  }

  /** True when a line said memory ran out. */
  public boolean outOfMemory() {
    return outOfMemory;
  }

  /** The explaining lines, in the order they came. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * These lines with those of the process's stderr tail: a process's last words are its own, and
   * the tail holds them even when they were read before the row of the test that came before
   * (stdout and stderr are separate pipes, read by separate threads).
   */
  private FailureLines withTail(ProcessOutcome outcome) {
    FailureLines all = new FailureLines();
    lines.forEach(all::accept);
    outcome.stderrTail().forEach(all::accept);
    all.outOfMemory |= outOfMemory;
    return all;
  }

  /** {@code oom} when memory ran out, {@code hung} when the process was stuck, else failed. */
  public Status status(ProcessOutcome outcome) {
    if (withTail(outcome).outOfMemory) return Status.OOM;
    return outcome.hung() ? Status.HUNG : Status.FAILED;
  }

  /**
   * How the process ended and the lines that explain it, then the stderr tail: {@code killed by
   * SIGABRT: abort (signal 6, exit 134): ggml-cuda.cu:94: CUDA error | CUDA error: out of memory}.
   */
  public String reason(ProcessOutcome outcome) {
    StringBuilder b = new StringBuilder(outcome.ending());
    List<String> why = withTail(outcome).lines;
    if (!why.isEmpty()) b.append(": ").append(String.join(" | ", why));
    if (!outcome.stderrTail().isEmpty())
      b.append("; stderr tail:\n").append(String.join("\n", outcome.stderrTail()));
    return b.toString();
  }

  @Override
  public String toString() {
    return (outOfMemory ? "out of memory: " : "") + lines;
  }
}
