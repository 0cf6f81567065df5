package dev.tokbench.report;

import static dev.tokbench.report.ClaimMath.verdict;
import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.results.BenchResult;
import java.util.List;
import java.util.Optional;

/**
 * The report's statements about how it measured (repetitions, test sizes) and the figures it quotes
 * without data behind them (BEAM search speed and time), so that none goes unlisted.
 */
final class MethodClaims {
  private static final String LLAMA = "2. llama.cpp Results";
  private static final String BEAM = "1. tinygrad Results";

  private final DataFolder data;

  MethodClaims(DataFolder data) {
    this.data = data;
  }

  List<Claim> all() {
    return List.of(repetitions(), testSizes(), beamSearchSpeed(), beamSearchTime());
  }

  private Claim repetitions() {
    String quote = "Benchmark tool: llama-bench with 3 repetitions each";
    List<BenchResult> llama = llamaRows();
    if (llama.isEmpty()) return Claim.unchecked("repetitions", LLAMA, quote, "llama.cpp rows");
    List<String> counts = llama.stream().map(MethodClaims::repetitions).distinct().toList();
    String computed = llama.size() + " llama.cpp rows, repetitions " + counts;
    return new Claim("repetitions", LLAMA, quote, computed, verdict(counts.equals(List.of("3"))));
  }

  /** Transcribed rows state repetitions; llama-bench's own rows carry their samples. */
  private static String repetitions(BenchResult r) {
    String stated = r.flags().get("repetitions");
    return stated != null ? stated : Integer.toString(r.samples().size());
  }

  private Claim testSizes() {
    String quote = "Prompt processing: pp512 (512 tokens), Text generation: tg128 (128 tokens)";
    List<BenchResult> llama = llamaRows();
    if (llama.isEmpty()) return Claim.unchecked("test-sizes", LLAMA, quote, "llama.cpp rows");
    boolean all =
        llama.stream()
            .allMatch(
                r ->
                    (r.test().equals("pp512") && r.nPrompt() == 512 && r.nGen() == 0)
                        || (r.test().equals("tg128") && r.nGen() == 128 && r.nPrompt() == 0));
    String computed = "tests " + llama.stream().map(BenchResult::test).distinct().toList();
    return new Claim("test-sizes", LLAMA, quote, computed, verdict(all));
  }

  private Claim beamSearchSpeed() {
    String quote = "JITBEAM=2 drops to ~1.1 tok/s while searching";
    Optional<QuotedFigure> q = data.quotedFigure("tinygrad_beam_searching_decode");
    if (q.isEmpty()) return Claim.unchecked("beam-search-speed", BEAM, quote, "the quoted figure");
    String computed = "quoted " + fixed(q.get().value(), 1) + " tok/s; no BEAM run is in the data";
    return new Claim("beam-search-speed", BEAM, quote, computed, Verdict.NOT_CHECKABLE);
  }

  private Claim beamSearchTime() {
    String quote = "BEAM search itself takes ~5-10 minutes to optimize all kernels.";
    return Claim.unchecked("beam-search-time", BEAM, quote, "no BEAM search was timed");
  }

  private List<BenchResult> llamaRows() {
    return data.merged().stream().filter(r -> r.framework().equals("llama.cpp")).toList();
  }
}
