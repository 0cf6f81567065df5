package dev.tokbench.run.tinygrad;

import dev.tokbench.formats.llamabench.LlamaBenchNames;
import dev.tokbench.formats.tinygrad.TinygradBenchException;
import dev.tokbench.formats.tinygrad.TinygradBenchLines;
import dev.tokbench.formats.tinygrad.TinygradRow;
import dev.tokbench.formats.tinygrad.WarmupRule;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * tokbench's harness {@code scripts/tinygrad_bench.py}: prompt processing ({@code pp512}) and
 * decode ({@code tg128}) timed separately on the checkout's own model, one JSON line per test, each
 * streamed as a row when it is printed. A test it never reported (a crash, a timeout, a line that
 * cannot be read) is a failed row with the reason.
 *
 * @param script the harness file to run
 */
record HarnessProgram(TinygradOptions options, Path script, WarmupRule rule)
    implements TinygradProgram {
  @Override
  public List<String> command() {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                options.python(),
                script.toAbsolutePath().toString(),
                "--checkout",
                options.checkout().toAbsolutePath().toString(),
                "--model",
                options.model().toAbsolutePath().toString(),
                "--prompt",
                Integer.toString(options.prefill()),
                "--gen",
                Integer.toString(options.genTokens()),
                "--reps",
                Integer.toString(options.repetitions())));
    if (options.depth() > 0) cmd.addAll(List.of("--depth", Integer.toString(options.depth())));
    if (options.size() != null) cmd.addAll(List.of("--size", options.size()));
    return cmd;
  }

  @Override
  public List<String> tests() {
    List<String> tests = new ArrayList<>();
    if (options.prefill() > 0) tests.add(test(options.prefill(), 0));
    if (options.genTokens() > 0) tests.add(test(0, options.genTokens()));
    return tests;
  }

  private String test(int prompt, int gen) {
    return LlamaBenchNames.testName(prompt, gen, options.depth());
  }

  @Override
  public Reader reader(
      Map<String, String> flags, Map<String, String> provenance, Consumer<Timed> sink) {
    TinygradBenchLines lines = new TinygradBenchLines("tinygrad_bench.py stdout", rule, provenance);
    return new Reader() {
      private final Set<String> reported = new LinkedHashSet<>();
      private long lineNo;
      private String unreadable = "";

      @Override
      public void stdout(String line) {
        stdout(line, System.nanoTime());
      }

      @Override
      public void stdout(String line, long at) {
        lineNo++;
        try {
          for (BenchResult r : lines.rows(line, lineNo)) {
            reported.add(r.test());
            BenchResult row = withLaunch(r, flags, provenance);
            sink.accept(row.ok() ? TinygradWindows.harness(row, at) : Timed.untimed(row));
          }
        } catch (TinygradBenchException e) {
          if (unreadable.isEmpty()) unreadable = e.getMessage();
        }
      }

      @Override
      public List<Timed> finish(ProcessOutcome outcome) {
        List<String> lost = tests().stream().filter(t -> !reported.contains(t)).toList();
        String why = !unreadable.isEmpty() ? unreadable : outcome.failureReason();
        if (why.isEmpty()) why = "tinygrad_bench.py exited 0 without a line for the test";
        return failedRows(lost, why, flags, provenance).stream().map(Timed::untimed).toList();
      }
    };
  }

  @Override
  public List<BenchResult> failed(
      String reason, Map<String, String> flags, Map<String, String> provenance) {
    return failedRows(tests(), reason, flags, provenance);
  }

  private List<BenchResult> failedRows(
      List<String> tests, String reason, Map<String, String> flags, Map<String, String> prov) {
    List<BenchResult> out = new ArrayList<>();
    for (String t : tests) {
      boolean pp = t.startsWith("pp");
      int n = pp ? options.prefill() : options.genTokens();
      out.add(
          TinygradRow.of(options.model(), options.backend())
              .test(t, pp ? n : 0, pp ? 0 : n, options.depth())
              .status(Status.FAILED, reason)
              .flags(flags)
              .provenance(prov)
              .build());
    }
    return out;
  }

  /**
   * The launcher's flags and cache provenance over the row's own: both saw the same variables and
   * cache file, the launcher before the process started (the row keeps the harness's bytes after).
   */
  private static BenchResult withLaunch(
      BenchResult r, Map<String, String> flags, Map<String, String> provenance) {
    Map<String, String> f = new LinkedHashMap<>(r.flags());
    f.putAll(flags);
    Map<String, String> p = new LinkedHashMap<>();
    provenance.forEach(
        (k, v) -> {
          if (k.startsWith("beam_cache")) p.put(k, v);
        });
    return r.toBuilder().flags(f).build().withProvenance(p);
  }
}
