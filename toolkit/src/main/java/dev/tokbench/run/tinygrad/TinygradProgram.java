package dev.tokbench.run.tinygrad;

import dev.tokbench.process.OutputListener;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.results.BenchResult;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a tinygrad run launches and how its output becomes rows: tinygrad's own {@code
 * examples/llama3.py --benchmark} ({@link Llama3Program}) or tokbench's harness ({@link
 * HarnessProgram}). The phases of a BEAM run launch the same program with other variables.
 */
interface TinygradProgram {
  /** The command before the run's own extra arguments. */
  List<String> command();

  /** The tests one launch should yield rows for, as llama-bench names them. */
  List<String> tests();

  /** Reads one launch's output; rows go to {@code sink} as they are known, with their times. */
  Reader reader(Map<String, String> flags, Map<String, String> provenance, Consumer<Timed> sink);

  /** A launch that cannot start: one failed row per test, with the reason. */
  List<BenchResult> failed(String reason, Map<String, String> flags, Map<String, String> prov);

  /** A launch's output listener, which also gives the rows it has not streamed yet at the end. */
  interface Reader extends OutputListener {
    /** After the process ended: the rows still owed (failed rows for what it never reported). */
    List<Timed> finish(ProcessOutcome outcome);
  }
}
