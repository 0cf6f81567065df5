package dev.tokbench.run.llamacpp.embedded;

import dev.tokbench.FileReadException;
import dev.tokbench.gguf.FileType;
import dev.tokbench.gguf.Gguf;
import dev.tokbench.gguf.GgufFile;
import dev.tokbench.gguf.TensorInfo;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * llama.cpp run in this JVM through de.kherud:llama 4.2.0 (its CPU build ships in the jar for
 * Linux, macOS and Windows), timed the way llama-bench times: one warm-up, then {@code r}
 * repetitions of a prompt-processing test ({@code pp512}) and a generation test ({@code tg128}),
 * mean and sample standard deviation of tokens/s. Rows use the normalised schema with framework
 * {@value #FRAMEWORK}:
 *
 * <pre>{@code
 * List<BenchResult> rows = EmbeddedLlama.model(Path.of("model.gguf")).prompt(512).generate(128).run();
 * }</pre>
 *
 * The embedded llama.cpp predates the {@code qwen3} architecture; such a model gives failed rows
 * that say so rather than an exception. A native crash here ends this JVM: {@code
 * LlamaBench.embedded()} runs these tests in a child JVM ({@link EmbeddedChild}) instead, where a
 * crash costs one test.
 */
public final class EmbeddedLlama {
  public static final String FRAMEWORK = "llama.cpp (embedded)";

  /** The binding, for provenance. */
  public static final String ENGINE = "de.kherud:llama 4.2.0 (JNI, CPU)";

  private final Path model;
  private final EmbeddedOptions options;

  private EmbeddedLlama(Path model, EmbeddedOptions options) {
    this.model = Objects.requireNonNull(model, "model");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The model file, with llama-bench's defaults: {@code -p 512 -n 128 -r 5}, every core. */
  public static EmbeddedLlama model(Path gguf) {
    return new EmbeddedLlama(gguf, EmbeddedOptions.DEFAULTS);
  }

  /** The model file with these tests. */
  public static EmbeddedLlama model(Path gguf, EmbeddedOptions options) {
    return new EmbeddedLlama(gguf, options);
  }

  /** The tests it runs. */
  public EmbeddedOptions options() {
    return options;
  }

  /** Prompt tokens of the pp test; 0 skips it. */
  public EmbeddedLlama prompt(int tokens) {
    return new EmbeddedLlama(model, options.with(EmbeddedOptions::prompt, tokens));
  }

  /** Generated tokens of the tg test; 0 skips it. */
  public EmbeddedLlama generate(int tokens) {
    return new EmbeddedLlama(model, options.with(EmbeddedOptions::gen, tokens));
  }

  /** Timed repetitions of each test, after one warm-up. */
  public EmbeddedLlama repetitions(int r) {
    return new EmbeddedLlama(model, options.with(EmbeddedOptions::repetitions, r));
  }

  /** CPU threads; 0 for every core. */
  public EmbeddedLlama threads(int t) {
    return new EmbeddedLlama(model, options.with(EmbeddedOptions::threads, t));
  }

  /**
   * Loads the model, runs the tests and returns one row per test ({@code pp} first). A model the
   * embedded llama.cpp cannot load gives failed rows whose reason says why.
   *
   * @throws dev.tokbench.gguf.GgufFormatException if the file is not a readable GGUF
   */
  public List<BenchResult> run() {
    int prompt = options.prompt();
    int threads = options.threadCount();
    FileReadException.requireReadable(model);
    GgufFile gguf = Gguf.read(model);
    EmbeddedRows rows = new EmbeddedRows(describe(gguf), threads);
    EmbeddedSession session;
    try {
      session =
          new EmbeddedSession(
              model, threads, prompt + options.gen() + 16, Math.max(32, Math.min(prompt, 512)));
    } catch (RuntimeException e) {
      return rows.failed(tests(), Status.FAILED, loadFailure(gguf, e));
    }
    try (session) {
      return measure(session, rows);
    }
  }

  private List<BenchResult> measure(EmbeddedSession s, EmbeddedRows rows) {
    int prompt = options.prompt();
    int generate = options.gen();
    String text = prompt > 0 ? s.promptOf(prompt) : "";
    int actualPrompt = prompt > 0 ? s.promptTokens(text) : 0;
    List<Double> pp = new ArrayList<>();
    List<Double> tg = new ArrayList<>();
    for (int rep = -1; rep < options.repetitions(); rep++) { // rep -1: the warm-up, not counted
      double base = s.promptSeconds("");
      double ppTok = prompt > 0 ? rate(actualPrompt - 1, s.promptSeconds(text), base) : 0;
      double tgTok = generate > 1 ? rate(generate - 1, s.generateSeconds(generate), base) : 0;
      if (rep < 0) continue;
      if (prompt > 0) pp.add(ppTok);
      if (generate > 0) tg.add(generate > 1 ? tgTok : 1 / base);
    }
    List<BenchResult> out = new ArrayList<>();
    if (prompt > 0)
      out.add(rows.ok(prompt, 0, pp, Map.of("n_prompt_actual", Integer.toString(actualPrompt))));
    if (generate > 0) out.add(rows.ok(0, generate, tg, Map.of()));
    return out;
  }

  /**
   * The row of one test of {@code model} that measured nothing (the child JVM running it crashed),
   * named as its measured siblings are: the model's name, quantization and size from its GGUF
   * header, the test, the threads, this machine. A file that cannot be read is named by its path.
   *
   * @param machine this machine, described ({@code Machine.describe()})
   */
  public static BenchResult failedTest(
      Path model,
      int threads,
      int nPrompt,
      int nGen,
      Status status,
      String reason,
      Map<String, String> machine) {
    int[] test = {nPrompt, nGen};
    try {
      EmbeddedLlama e = model(model);
      EmbeddedRows rows = new EmbeddedRows(e.describe(Gguf.read(model)), threads, machine);
      return rows.failed(List.of(test), status, reason).get(0);
    } catch (RuntimeException e) {
      return EmbeddedRows.unreadable(model, threads, nPrompt, nGen, status, reason);
    }
  }

  /**
   * Tokens per second of the {@code tokens} a request did beyond the one-token baseline; when noise
   * makes the difference vanish (tiny models), the whole request's time is used instead.
   */
  static double rate(int tokens, double seconds, double baseSeconds) {
    double d = seconds - baseSeconds;
    return tokens / (d > 0 ? d : seconds);
  }

  private List<int[]> tests() {
    List<int[]> t = new ArrayList<>();
    if (options.prompt() > 0) t.add(new int[] {options.prompt(), 0});
    if (options.gen() > 0) t.add(new int[] {0, options.gen()});
    return t;
  }

  private String loadFailure(GgufFile gguf, RuntimeException e) {
    String arch = gguf.metadata().string("general.architecture").orElse("?");
    String why = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (arch.equals("qwen3")) {
      return "the llama.cpp inside "
          + ENGINE
          + " does not know the qwen3 architecture, so it cannot load "
          + model.getFileName()
          + " ("
          + why
          + "); run this model with an external llama-bench (tokbench run llama-bench)";
    }
    return "the llama.cpp inside "
        + ENGINE
        + " could not load "
        + model
        + " (architecture "
        + arch
        + "): "
        + why;
  }

  private ModelFacts describe(GgufFile f) {
    long bytes = 0;
    long params = 0;
    for (TensorInfo t : f.tensors()) {
      if (t.hasKnownType()) bytes += t.bytes();
      params += t.elements();
    }
    String quant =
        f.metadata().integer("general.file_type").stream()
            .mapToObj(id -> FileType.byId(id).map(Enum::name).orElse("file_type " + id))
            .findFirst()
            .orElse("");
    String name = f.metadata().string("general.name").orElse(model.getFileName().toString());
    return new ModelFacts(model, name, quant, bytes, params);
  }

  /** What the rows say about the model. */
  record ModelFacts(Path path, String name, String quant, long bytes, long params) {}

  @Override
  public String toString() {
    return "EmbeddedLlama["
        + model
        + ", -p "
        + options.prompt()
        + " -n "
        + options.gen()
        + " -r "
        + options.repetitions()
        + " -t "
        + options.threadCount()
        + "]";
  }
}
