package dev.tokbench.run.tinygrad;

import dev.tokbench.formats.tinygrad.TinygradLog;
import dev.tokbench.formats.tinygrad.WarmupRule;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.run.FrameworkRun;
import dev.tokbench.run.RunResult;
import dev.tokbench.run.RunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * tinygrad run from a checkout, with the backend selected the way that checkout's version expects:
 * its own {@code examples/llama3.py --benchmark --timing --no_api} (decode), or with {@link
 * #prefill} tokbench's harness timing prompt processing and decode apart; once, or in BEAM phases
 * ({@link #beam}, {@link #cold}). A saved log reads with {@link #parse}.
 *
 * <pre>{@code
 * Tinygrad.at(Path.of("/opt/tinygrad")).model(Path.of("llama-3.2-1b-Q6_K.gguf"))
 *     .backend("CUDA").beam(2).cold(true).prefill(512).run();   // cold, search, warm: pp512, tg128
 * }</pre>
 */
public final class Tinygrad extends FrameworkRun<TinygradOptions, Tinygrad> {
  /** How long a run may take unless told otherwise: a 1B model's benchmark takes minutes. */
  public static final long DEFAULT_TIMEOUT_SECONDS = 1800;

  /** {@link #DEFAULT_TIMEOUT_SECONDS} as a duration. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

  private final TinygradCheckout checkout;
  private final WarmupRule warmup;

  private Tinygrad(
      TinygradCheckout checkout, TinygradOptions options, WarmupRule warmup, RunSettings settings) {
    super(options, settings);
    this.checkout = checkout;
    this.warmup = warmup;
  }

  @Override
  protected Tinygrad copy(TinygradOptions o, RunSettings s) {
    return new Tinygrad(checkout, o, warmup, s);
  }

  /** A run from this checkout, with {@link TinygradOptions#DEFAULTS}. */
  public static Tinygrad at(Path checkout) {
    return of(TinygradOptions.DEFAULTS.with(TinygradOptions::checkout, checkout));
  }

  /** A run with these options; the checkout's version and commit are read now. */
  public static Tinygrad of(TinygradOptions options) {
    return new Tinygrad(TinygradCheckout.at(options.checkout()), options, null, RunSettings.NONE);
  }

  /** The row of a saved benchmark log: {@link TinygradLog#read(Path)}. */
  public static BenchResult parse(Path log) {
    return TinygradLog.read(log);
  }

  /** {@code --model}: the GGUF file. */
  public Tinygrad model(Path gguf) {
    return with(TinygradOptions::model, gguf);
  }

  /** {@code --size}: 1B, 8B, 70B … */
  public Tinygrad size(String s) {
    return with(TinygradOptions::size, s);
  }

  /** The backend ({@code CUDA}, {@code NV}, {@code AMD}, {@code METAL}, {@code CPU} …). */
  public Tinygrad backend(String name) {
    return with(TinygradOptions::backend, name);
  }

  /** The interpreter: a path, or a name looked up in the run's {@code PATH}. */
  public Tinygrad python(String executable) {
    return with(TinygradOptions::python, executable);
  }

  /**
   * BEAM in phases: a {@code JITBEAM=width} search, its rows kept apart (flag {@code phase=search},
   * test {@code search …}), then the measured run on the cache it warmed; 0 for a single run.
   */
  public Tinygrad beam(int width) {
    return with(TinygradOptions::beam, width);
  }

  /** Also a cold run first: no BEAM, a fresh empty {@code CACHEDB}. */
  public Tinygrad cold(boolean first) {
    return with(TinygradOptions::cold, first);
  }

  /** How long the search phase may take, instead of the run's timeout. */
  public Tinygrad searchTimeout(Duration limit) {
    return with(TinygradOptions::searchTimeoutS, (int) Math.max(1, limit.toSeconds()));
  }

  /** {@code JITBEAM} for a single run without phases (say, on a cache already warm). */
  public Tinygrad jitBeam(int width) {
    return with(TinygradOptions::jitbeam, width);
  }

  /**
   * Prefill and decode timed separately by the harness ({@code scripts/tinygrad_bench.py}): a
   * prompt of {@code tokens} in one call ({@code pp512}), then {@link #gen} tokens ({@code tg128}).
   */
  public Tinygrad prefill(int tokens) {
    return with(TinygradOptions::prefill, tokens);
  }

  /** The tokens the harness generates ({@code tg128} by default); needs {@link #prefill}. */
  public Tinygrad gen(int tokens) {
    return with(TinygradOptions::gen, tokens);
  }

  /** Timed repetitions of each harness test. */
  public Tinygrad repetitions(int n) {
    return with(TinygradOptions::repetitions, n);
  }

  /** {@code IGNORE_BEAM_CACHE=1}: search again even when the cache has an answer. */
  public Tinygrad ignoreBeamCache(boolean ignore) {
    return env("IGNORE_BEAM_CACHE", ignore ? "1" : "0");
  }

  /** Which leading tokens are warm-up; by default the first {@code warmupTokens} of the options. */
  public Tinygrad warmup(WarmupRule rule) {
    return new Tinygrad(checkout, options(), rule, settings());
  }

  /** The checkout, with its detected version and commit. */
  public TinygradCheckout checkout() {
    return checkout;
  }

  /**
   * What would be launched without phases: the program, the backend variables for this version,
   * then {@code JITBEAM} and the run's own variables.
   */
  public ProcessSpec spec() {
    return spec(Map.of(), null);
  }

  /** The launch with a phase's variables on top, and its timeout (null: the run's). */
  ProcessSpec spec(Map<String, String> phaseEnv, Duration phaseTimeout) {
    List<String> cmd = new ArrayList<>(program().command());
    cmd.addAll(settings().args());
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("PYTHONUNBUFFERED", "1"); // so timing lines stream as they happen
    vars.putAll(checkout.backendEnv(options().backend()));
    if (options().jitbeam() != null) vars.put("JITBEAM", options().jitbeam().toString());
    vars.putAll(settings().env());
    vars.put("PYTHONPATH", pythonPath()); // llama3.py imports tinygrad and extra/ from the checkout
    vars.putAll(phaseEnv);
    Duration timeout = phaseTimeout != null ? phaseTimeout : settings().timeoutOr(DEFAULT_TIMEOUT);
    return new ProcessSpec(cmd, vars, checkout.dir(), timeout, settings().log());
  }

  /**
   * The checkout first on Python's path, before what the run or tokbench's environment gives: a
   * source tree that is not installed (no {@code pip install -e}) is still importable, and it is
   * this checkout's tinygrad that runs even where another is installed.
   */
  private String pythonPath() {
    String outer = settings().env().getOrDefault("PYTHONPATH", System.getenv("PYTHONPATH"));
    String dir = checkout.dir().toAbsolutePath().toString();
    return outer == null || outer.isEmpty() ? dir : dir + java.io.File.pathSeparator + outer;
  }

  /** What runs: llama3.py, or the harness when {@code prefill} is set. */
  TinygradProgram program() {
    WarmupRule rule = warmup != null ? warmup : WarmupRule.firstTokens(options().warmupTokens());
    if (!options().harnessRun()) return new Llama3Program(options(), rule);
    Path script = options().harness() != null ? options().harness() : HarnessScript.bundled();
    return new HarnessProgram(options(), script, rule);
  }

  /**
   * Runs it (in phases when BEAM options ask for them) and returns every row, each also handed to
   * {@code sink} when known; a launch that fails gives failed rows with the reason and stderr tail.
   */
  @Override
  public RunResult run(Consumer<BenchResult> sink) {
    return new TinygradPhases(this).run(sink);
  }

  /** Why nothing can be launched (no checkout, no model, no harness), or empty. */
  String missingInput() {
    if (!Files.isRegularFile(checkout.dir().resolve("examples/llama3.py"))) {
      return "not a tinygrad checkout: " + checkout.dir() + " has no examples/llama3.py";
    }
    Path model = options().model();
    if (model != null && !Files.isRegularFile(model)) return "model not found: " + model;
    if (!options().harnessRun()) return "";
    if (model == null) return "the harness (--prefill) needs --model";
    if (options().harness() != null) {
      return Files.isRegularFile(options().harness())
          ? ""
          : "harness not found: " + options().harness();
    }
    try {
      HarnessScript.install(HarnessScript.bundled());
      return "";
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  @Override
  public String toString() {
    return spec().commandLine() + " [" + checkout + "]";
  }
}
