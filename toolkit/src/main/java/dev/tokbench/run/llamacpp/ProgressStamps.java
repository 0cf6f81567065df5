package dev.tokbench.run.llamacpp;

import dev.tokbench.energy.Phase;
import dev.tokbench.energy.Segment;
import dev.tokbench.energy.TimedRow;
import dev.tokbench.energy.Window;
import dev.tokbench.results.BenchResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When llama-bench's repetitions started, from the lines {@code --progress} prints on stderr
 * (llama-bench.cpp, unbuffered): {@code benchmark k/n: starting}, {@code warmup prompt run}, {@code
 * warmup generation run}, then per repetition {@code depth run i/r} (before its timer starts, so
 * outside the window), {@code prompt run i/r} (its timer has just started) and {@code generation
 * run i/r}. Each line is stamped where the pipe is read and kept under its test's number, so a row
 * read before its last progress lines (stdout and stderr are read by two threads) still finds them.
 *
 * <p>The rule: repetition {@code i} ran in {@code [start_i, start_i + samples_ns[i]]}, {@code
 * start_i} the stamp of its first timed line ({@code prompt run i/r}, or {@code generation run i/r}
 * for a {@code tg} test); a {@code pg} test's generation part starts at its {@code generation run
 * i/r}. The warm-up ran from the first warm-up line to the first line after it.
 */
final class ProgressStamps {
  private static final Pattern LINE =
      Pattern.compile(
          "^llama-bench: benchmark (\\d+)/\\d+: (starting|warmup (?:prompt|generation) run"
              + "|(depth|prompt|generation) run (\\d+)/\\d+(?: \\(cached\\))?)\\s*$");

  /** One test's stamps. */
  private static final class Test {
    final List<Long> prompt = new ArrayList<>();
    final List<Long> generation = new ArrayList<>();
    long warmupStart = -1;
    long warmupEnd = -1;
  }

  private final Map<Integer, Test> tests = new HashMap<>();

  /** A test's windows from its progress lines: its repetitions, and its warm-up if it had one. */
  record Windows(TimedRow reps, Optional<TimedRow> warmup, List<Window> perRep) {}

  /** Takes a stderr line that arrived at {@code at}; false when it is not a progress line. */
  synchronized boolean accept(String line, long at) {
    if (!line.startsWith("llama-bench: benchmark ")) return false;
    Matcher m = LINE.matcher(line);
    if (!m.matches()) return false;
    String what = m.group(2);
    Test t = tests.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new Test());
    if (what.startsWith("warmup")) {
      if (t.warmupStart < 0) t.warmupStart = at;
    } else if (m.group(3) != null) {
      if (t.warmupStart >= 0 && t.warmupEnd < 0) t.warmupEnd = at;
      if (m.group(3).equals("prompt")) t.prompt.add(at);
      if (m.group(3).equals("generation")) t.generation.add(at);
    }
    return true;
  }

  /**
   * The windows of test {@code index} (1-based, as llama-bench counts its tests in this launch),
   * whose row with {@code samplesNs} arrived at {@code arrivalNs}, or empty when the stamps do not
   * fit its repetitions (no {@code --progress}, or lines lost).
   *
   * <p>A line is stamped when it was read, never before it was written, so a stamp can only be late
   * (a reading thread that was not scheduled at once); the row's arrival and the next repetition's
   * start bound each start from above: {@code start_i = min(stamp_i, start_(i+1) - samples_ns[i])},
   * the last one ending by the row's arrival.
   */
  synchronized Optional<Windows> windows(
      int index, BenchResult row, List<Long> samplesNs, long arrivalNs) {
    Test t = tests.get(index);
    int nPrompt = row.nPrompt();
    int nGen = row.nGen();
    if (t == null || samplesNs.isEmpty()) return Optional.empty();
    List<Long> stamps = nPrompt > 0 ? t.prompt : t.generation;
    if (stamps.size() != samplesNs.size()) return Optional.empty();
    List<Long> gen = nPrompt > 0 && nGen > 0 ? t.generation : List.of();
    if (!gen.isEmpty() && gen.size() != samplesNs.size()) return Optional.empty();
    List<Long> starts = new ArrayList<>(stamps);
    long next = arrivalNs;
    for (int i = starts.size() - 1; i >= 0; i--) {
      starts.set(i, Math.min(starts.get(i), next - samplesNs.get(i)));
      next = starts.get(i);
    }
    TimedRow reps =
        TimedRow.llamaBenchWithProgress(row.test(), starts, gen, samplesNs, nPrompt, nGen);
    List<Window> perRep = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++)
      perRep.add(new Window(starts.get(i), starts.get(i) + samplesNs.get(i)));
    return Optional.of(new Windows(reps, warmup(t, nPrompt, nGen, row.test(), next), perRep));
  }

  /**
   * The warm-up, ending where the first repetition (or its depth run) began: a whole prompt and one
   * generated token ({@code test_gen(ctx, 1, ...)}).
   */
  private static Optional<TimedRow> warmup(
      Test t, int nPrompt, int nGen, String label, long first) {
    if (t.warmupStart < 0 || t.warmupEnd < 0) return Optional.empty();
    long end = Math.min(t.warmupEnd, first);
    if (end < t.warmupStart) return Optional.empty();
    long tokens = nPrompt + (nGen > 0 ? 1 : 0);
    Segment s = new Segment(Phase.of(nPrompt, nGen), new Window(t.warmupStart, end), tokens);
    return Optional.of(new TimedRow(label, List.of(s), Set.of()));
  }
}
