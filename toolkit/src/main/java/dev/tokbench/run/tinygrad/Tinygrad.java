package dev.tokbench.run.tinygrad;

import dev.tokbench.device.Tegrastats;
import dev.tokbench.formats.tinygrad.TinygradLog;
import dev.tokbench.formats.tinygrad.TinygradOutput;
import dev.tokbench.formats.tinygrad.TinygradRow;
import dev.tokbench.formats.tinygrad.WarmupRule;
import dev.tokbench.process.Launcher;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.run.FailureLines;
import dev.tokbench.run.FrameworkRun;
import dev.tokbench.run.RunProvenance;
import dev.tokbench.run.RunResult;
import dev.tokbench.run.RunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * tinygrad's {@code examples/llama3.py --benchmark --timing --no_api}, run from a checkout with the
 * backend selected the way that checkout's version expects, or read from a saved log.
 *
 * <pre>{@code
 * Tinygrad.at(Path.of("/opt/tinygrad")).model(Path.of("llama-3.2-1b-Q4_K_M.gguf"))
 *     .backend("CUDA").jitBeam(2).run();
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

  /** {@code BEAM}: kernel search width for every kernel. */
  public Tinygrad beam(int width) {
    return with(TinygradOptions::beam, width);
  }

  /** {@code JITBEAM}: kernel search width for jitted kernels only. */
  public Tinygrad jitBeam(int width) {
    return with(TinygradOptions::jitbeam, width);
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
   * What would be launched: backend variables for this version, then the BEAM and other settings.
   */
  public ProcessSpec spec() {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                options().python(),
                "examples/llama3.py",
                "--benchmark",
                "--timing",
                "--no_api",
                "--size",
                options().size()));
    if (options().model() != null) cmd.addAll(List.of("--model", options().model().toString()));
    cmd.addAll(settings().args());
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("PYTHONUNBUFFERED", "1"); // so timing lines stream as they happen
    vars.putAll(checkout.backendEnv(options().backend()));
    if (options().beam() != null) vars.put("BEAM", options().beam().toString());
    if (options().jitbeam() != null) vars.put("JITBEAM", options().jitbeam().toString());
    vars.putAll(settings().env());
    Duration timeout = settings().timeoutOr(DEFAULT_TIMEOUT);
    return new ProcessSpec(cmd, vars, checkout.dir(), timeout, settings().log());
  }

  /**
   * Runs it and returns its one row (failed, with the reason and stderr tail, if it failed), also
   * handed to {@code sink}.
   */
  @Override
  public RunResult run(Consumer<BenchResult> sink) {
    RunResult r = launch();
    r.rows().forEach(sink);
    return r;
  }

  private RunResult launch() {
    ProcessSpec spec = spec();
    Map<String, String> provenance = provenance(spec);
    Map<String, String> flags = flags(spec);
    String missing = missingInput();
    if (!missing.isEmpty()) {
      ProcessOutcome none =
          new ProcessOutcome(
              spec.commandLine(), Instant.now(), Duration.ZERO, -1, false, missing, List.of());
      return new RunResult(List.of(failed(missing, flags, provenance)), none, settings().log());
    }
    TinygradOutput out = new TinygradOutput();
    FailureLines why = new FailureLines();
    ProcessOutcome outcome;
    try (Tegrastats tegrastats = Tegrastats.start(spec.env())) {
      outcome = Launcher.run(spec, FailureLines.listener(out::accept, why));
      provenance.putAll(tegrastats.drain().provenance());
    }
    BenchResult row =
        TinygradRow.toResult(
            out, warmupRule(), options().backend(), options().model(), flags, provenance);
    // a MemoryError ("Allocation of 16.00 GB failed on CUDA") is oom, as llama.cpp's is
    if (!outcome.succeeded()) row = row.withStatus(why.status(outcome), why.reason(outcome));
    return new RunResult(List.of(row), outcome, settings().log());
  }

  private WarmupRule warmupRule() {
    return warmup != null ? warmup : WarmupRule.firstTokens(options().warmupTokens());
  }

  private String missingInput() {
    if (!Files.isRegularFile(checkout.dir().resolve("examples/llama3.py"))) {
      return "not a tinygrad checkout: " + checkout.dir() + " has no examples/llama3.py";
    }
    Path model = options().model();
    if (model != null && !Files.isRegularFile(model)) return "model not found: " + model;
    return "";
  }

  private BenchResult failed(
      String reason, Map<String, String> flags, Map<String, String> provenance) {
    BenchResult r =
        TinygradRow.toResult(
            new TinygradOutput(),
            warmupRule(),
            options().backend(),
            options().model(),
            flags,
            provenance);
    return r.withStatus(Status.FAILED, reason);
  }

  private Map<String, String> flags(ProcessSpec spec) {
    Map<String, String> f = new LinkedHashMap<>(spec.env());
    f.remove("PYTHONUNBUFFERED");
    f.put("requested_backend", options().backend());
    f.put("size", options().size());
    BeamCache cache = BeamCache.locate(spec.env());
    f.put("beam_cache_existed", Boolean.toString(cache.exists()));
    return f;
  }

  private Map<String, String> provenance(ProcessSpec spec) {
    Map<String, String> p = RunProvenance.of(spec, Instant.now(), settings().machineOrDescribe());
    p.put("tinygrad_version", checkout.version());
    p.put("tinygrad_commit", checkout.commit());
    p.put(
        "backend_env",
        String.join(
            " ",
            checkout.backendEnv(options().backend()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList()));
    BeamCache cache = BeamCache.locate(spec.env());
    p.put(
        "beam_cache",
        cache.path() + (cache.exists() ? " (" + cache.bytes() + " bytes)" : " (absent)"));
    return p;
  }

  @Override
  public String toString() {
    return spec().commandLine() + " [" + checkout + "]";
  }
}
