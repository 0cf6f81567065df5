package dev.tokbench.run.llamacpp.embedded;

import dev.tokbench.BadInputException;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsJsonl;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The child JVM that runs the embedded llama.cpp for a parent tokbench: {@code EmbeddedChild
 * --engine-choice WHY FLAGS...} runs llama-bench's flags ({@link EmbeddedBench}) and prints each
 * finished test's row on stdout as one line of tokbench's own JSONL ({@link ResultsJsonl}), the
 * moment it is done; anything else goes to stderr. The natives run here rather than in the parent,
 * so that a crash in them (a SIGSEGV in ggml, an abort, memory running out) ends this process, and
 * the parent, which reads these lines as it reads llama-bench's, records the test that was running
 * and starts a new child for the tests after it.
 */
public final class EmbeddedChild {
  /** The option that carries why the embedded engine was chosen, into the rows' provenance. */
  public static final String ENGINE_CHOICE = "--engine-choice";

  /** The exit status of a child whose parent went away (128 + SIGTERM, as a shell reports it). */
  public static final int ORPHANED = 143;

  private EmbeddedChild() {}

  /**
   * Exit status 0 after the last test, 2 for flags it cannot run, 1 for anything unexpected,
   * {@value #ORPHANED} when its parent went away.
   */
  public static void main(String[] args) {
    endWithParent();
    PrintStream rows = System.out;
    // stdout is for rows only: whatever Java code in here prints goes to stderr
    System.setOut(System.err);
    try {
      run(args, row -> print(rows, row));
    } catch (BadInputException e) {
      System.err.println("tokbench embedded child: " + e.getMessage());
      System.exit(2);
    } catch (RuntimeException | Error e) {
      // its first line names the exception, which the parent quotes as the reason
      e.printStackTrace();
      System.exit(1);
    }
    rows.flush();
    System.exit(0); // the binding's threads must not keep the JVM alive
  }

  /**
   * Runs {@code args} ({@code --engine-choice WHY} first, then llama-bench flags), handing each row
   * to {@code rows} as its test finishes. A test's own child main can wrap {@code rows}.
   */
  public static void run(String[] args, Consumer<BenchResult> rows) {
    List<String> all = Arrays.asList(args);
    String why = "run by a parent tokbench";
    if (all.size() >= 2 && all.get(0).equals(ENGINE_CHOICE)) {
      why = all.get(1);
      all = all.subList(2, all.size());
    }
    EmbeddedBench.of(all).run(why, rows);
  }

  /**
   * Ends this JVM when its parent has gone (killed, or crashed itself): the parent holds the pipe
   * on this JVM's stdin open while it runs, so its end is end-of-file here. Without it, the natives
   * would run on, orphaned, until their tests were done, their rows read by nobody.
   */
  public static void endWithParent() {
    Thread watch =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // the parent writes nothing; anything it did would be ignored
                }
              } catch (IOException e) {
                // a pipe that breaks means the same
              }
              Runtime.getRuntime().halt(ORPHANED);
            },
            "tokbench-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }

  /** One row as the parent reads it: a line of JSON, flushed at once. */
  public static void print(PrintStream out, BenchResult row) {
    out.println(ResultsJsonl.line(row));
    out.flush();
  }
}
