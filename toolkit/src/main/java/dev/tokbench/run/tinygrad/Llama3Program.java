package dev.tokbench.run.tinygrad;

import dev.tokbench.formats.tinygrad.TinygradOutput;
import dev.tokbench.formats.tinygrad.TinygradRow;
import dev.tokbench.formats.tinygrad.WarmupRule;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.run.FailureLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * tinygrad's own {@code examples/llama3.py --benchmark --timing --no_api}: 20 decode tokens, one
 * row at the end with the tokens kept after warm-up.
 */
record Llama3Program(TinygradOptions options, WarmupRule rule) implements TinygradProgram {
  /** llama3.py's {@code --size} when none is given. */
  static final String DEFAULT_SIZE = "1B";

  /** The tokens {@code llama3.py --benchmark} times ({@code for _ in range(20)}). */
  static final int BENCHMARK_TOKENS = 20;

  @Override
  public List<String> command() {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                options.python(),
                "examples/llama3.py",
                "--benchmark",
                "--timing",
                "--no_api",
                "--size",
                size()));
    // llama3.py runs in the checkout, so a path relative to where tokbench runs is made absolute
    if (options.model() != null) {
      cmd.addAll(List.of("--model", options.model().toAbsolutePath().toString()));
    }
    return cmd;
  }

  String size() {
    return options.size() == null ? DEFAULT_SIZE : options.size();
  }

  /** The one row is named after the tokens printed ({@code tg20}); none is known before. */
  @Override
  public List<String> tests() {
    return List.of();
  }

  @Override
  public Reader reader(
      Map<String, String> flags, Map<String, String> provenance, Consumer<Timed> sink) {
    TinygradOutput out = new TinygradOutput();
    FailureLines why = new FailureLines();
    List<Long> arrivals = new ArrayList<>();
    return new Reader() {
      @Override
      public void stdout(String line) {
        stdout(line, System.nanoTime());
      }

      @Override
      public void stdout(String line, long at) {
        int before = arrivals.size();
        out.accept(line);
        // a total line ends a token: it is printed as the token's timer stops
        if (line.contains("total") && out.tokens().size() > before) arrivals.add(at);
      }

      @Override
      public void stderr(String line) {
        why.accept(line);
      }

      @Override
      public List<Timed> finish(ProcessOutcome outcome) {
        BenchResult row = row(out, flags, provenance);
        // a MemoryError ("Allocation of 16.00 GB failed on CUDA") is oom, as llama.cpp's is
        if (!outcome.succeeded())
          return List.of(Timed.untimed(row.withStatus(why.status(outcome), why.reason(outcome))));
        if (!row.ok()) return List.of(Timed.untimed(row));
        return List.of(TinygradWindows.llama3(row, arrivals, out.tokens()));
      }
    };
  }

  @Override
  public List<BenchResult> failed(
      String reason, Map<String, String> flags, Map<String, String> provenance) {
    return List.of(row(new TinygradOutput(), flags, provenance).withStatus(Status.FAILED, reason));
  }

  private BenchResult row(
      TinygradOutput out, Map<String, String> flags, Map<String, String> provenance) {
    BenchResult row =
        TinygradRow.toResult(out, rule, options.backend(), options.model(), flags, provenance);
    if (!out.tokens().isEmpty()) return row;
    // a run that printed no token is still the benchmark's tg20, not a tg0 beside the others
    return row.toBuilder().test("tg" + BENCHMARK_TOKENS, 0, BENCHMARK_TOKENS, 0).build();
  }
}
