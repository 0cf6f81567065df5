package dev.tokbench.run.llamacpp;

import dev.tokbench.process.ChildJvm;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsJsonl;
import dev.tokbench.run.llamacpp.embedded.EmbeddedBench;
import dev.tokbench.run.llamacpp.embedded.EmbeddedChild;
import dev.tokbench.run.llamacpp.embedded.EmbeddedLlama;
import dev.tokbench.run.llamacpp.embedded.EmbeddedOptions;
import dev.tokbench.run.llamacpp.embedded.NativeLlama;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded llama.cpp, run in a child JVM ({@link EmbeddedChild}) that prints each finished test
 * as a row on stdout: its natives can crash (a SIGSEGV in ggml, an abort, native memory running
 * out) and take only the child with them, so the run treats it as a llama-bench process that died
 * and carries on. Its rows are the child's own, exactly as an in-JVM run gives them; the JVM's
 * fatal error report explains a crash ({@link JvmCrashLines}), and goes to {@value #HS_ERR} in the
 * temporary folder rather than the working directory.
 */
final class EmbeddedProgram implements BenchProgram {
  static final String HS_ERR = "tokbench-embedded-hs_err_pid%p.log";

  /** The launch provenance a child's row gains: which relaunch it came from. */
  private static final List<String> RELAUNCH =
      List.of("llama_bench_launch", "continued_after_failure");

  private final String why;
  private final List<String> ignored;
  private final Map<String, String> note;
  private final String main;
  private final List<String> jvmOptions;

  private EmbeddedProgram(
      String why,
      List<String> ignored,
      Map<String, String> note,
      String main,
      List<String> jvmOptions) {
    this.why = why;
    this.ignored = List.copyOf(ignored);
    this.note = Map.copyOf(note);
    this.main = main;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  /**
   * The embedded engine for llama-bench's flags {@code args}, chosen for reason {@code why}. Flags
   * it cannot honour are a typed error here, before any child starts.
   */
  static EmbeddedProgram of(List<String> args, String why) {
    EmbeddedBench bench = EmbeddedBench.of(args);
    NativeLlama.requireOnClassPath();
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      if (EmbeddedBench.ignores(args.get(i))) ignored.addAll(args.subList(i, i + 2));
    }
    String errors = "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), HS_ERR);
    return new EmbeddedProgram(
        why, ignored, bench.provenance(why), EmbeddedChild.class.getName(), List.of(errors));
  }

  /** The same, with another child main class (a test's, which wraps {@link EmbeddedChild#run}). */
  EmbeddedProgram main(String className) {
    return new EmbeddedProgram(why, ignored, note, className, jvmOptions);
  }

  /** The same, with these options for the child JVM, before this JVM's own. */
  EmbeddedProgram jvmOptions(String... options) {
    List<String> all = new ArrayList<>(jvmOptions);
    all.addAll(List.of(options));
    return new EmbeddedProgram(why, ignored, note, main, all);
  }

  @Override
  public String name() {
    return "the embedded llama.cpp's JVM";
  }

  @Override
  public String framework() {
    return EmbeddedLlama.FRAMEWORK;
  }

  /** The flags it honours (-m, -p, -n, -r, -t); the ignored ones go with every launch instead. */
  @Override
  public List<String> matrixArgs(List<String> args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      if (!EmbeddedBench.ignores(args.get(i))) out.addAll(args.subList(i, i + 2));
    }
    return out;
  }

  @Override
  public boolean progressAddable(List<String> args, Map<String, String> env) {
    return false; // each row's time is its own samples; there are no progress lines
  }

  @Override
  public List<String> command(List<String> args, boolean progress) {
    List<String> cmd =
        new ArrayList<>(ChildJvm.command(jvmOptions, EmbeddedChild.class, ResultsJsonl.class));
    cmd.addAll(List.of(main, EmbeddedChild.ENGINE_CHOICE, why));
    cmd.addAll(args);
    cmd.addAll(ignored);
    return cmd;
  }

  @Override
  public Output output() {
    JvmCrashLines crash = new JvmCrashLines();
    return new Output() {
      @Override
      public BenchResult row(String line, long lineNo, Map<String, String> provenance) {
        // the JVM's own words (a crash report, a warning) share stdout with the rows
        if (!line.startsWith("{")) return null;
        BenchResult row = ResultsJsonl.parse(line, "embedded llama.cpp child stdout", lineNo);
        Map<String, String> relaunch = new LinkedHashMap<>();
        for (String key : RELAUNCH) {
          if (provenance.containsKey(key)) relaunch.put(key, provenance.get(key));
        }
        return relaunch.isEmpty() ? row : row.withProvenance(relaunch);
      }

      @Override
      public String explaining(String line) {
        return crash.explaining(line);
      }
    };
  }

  /**
   * The row the child would have given the test, had it finished: its model's name and quantization
   * from the GGUF header, threads, this machine; the status, reason and launch provenance of {@code
   * named}.
   */
  @Override
  public BenchResult failedTest(MatrixPoint p, BenchResult named) {
    String t = p.settings().get("n_threads");
    int threads = t != null ? Integer.parseInt(t) : EmbeddedOptions.DEFAULTS.threadCount();
    Map<String, String> where = new LinkedHashMap<>(named.provenance());
    where.remove("model_path"); // the child's rows name it absolute
    BenchResult row =
        EmbeddedLlama.failedTest(
            Path.of(p.model()),
            threads,
            p.nPrompt(),
            p.nGen(),
            named.status(),
            named.reason(),
            where);
    return row.withProvenance(where).withProvenance(note);
  }
}
