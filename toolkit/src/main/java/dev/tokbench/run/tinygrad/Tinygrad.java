package dev.tokbench.run.tinygrad;

import dev.tokbench.device.Machine;
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

/**
 * tinygrad's {@code examples/llama3.py --benchmark --timing --no_api}, run from a checkout with the
 * backend selected the way that checkout's version expects, or read from a saved log.
 *
 * <pre>{@code
 * Tinygrad.at(Path.of("/opt/tinygrad")).model(Path.of("llama-3.2-1b-Q4_K_M.gguf"))
 *     .backend("CUDA").jitBeam(2).run();
 * }</pre>
 */
public final class Tinygrad implements RunSettings<Tinygrad> {
  private final TinygradCheckout checkout;
  private Path model;
  private String size = "1B";
  private String backend = "CUDA";
  private String python = "python3";
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> extraArgs = new ArrayList<>();
  private WarmupRule warmup = WarmupRule.tinyJit();
  private Duration timeout = Duration.ofMinutes(30);
  private Path log;
  private Map<String, String> machine;

  private Tinygrad(TinygradCheckout checkout) {
    this.checkout = checkout;
  }

  /** A run from this checkout. */
  public static Tinygrad at(Path checkout) {
    return new Tinygrad(TinygradCheckout.at(checkout));
  }

  /** The row of a saved benchmark log: {@link TinygradLog#read(Path)}. */
  public static BenchResult parse(Path log) {
    return TinygradLog.read(log);
  }

  public Tinygrad model(Path gguf) {
    model = gguf;
    return this;
  }

  /** {@code --size}: 1B, 8B, 70B … */
  public Tinygrad size(String s) {
    size = s;
    return this;
  }

  /** The backend ({@code CUDA}, {@code NV}, {@code AMD}, {@code METAL}, {@code CPU} …). */
  public Tinygrad backend(String name) {
    backend = name;
    return this;
  }

  public Tinygrad python(String executable) {
    python = executable;
    return this;
  }

  /** {@code BEAM}: kernel search width for every kernel. */
  public Tinygrad beam(int width) {
    return env("BEAM", Integer.toString(width));
  }

  /** {@code JITBEAM}: kernel search width for jitted kernels only. */
  public Tinygrad jitBeam(int width) {
    return env("JITBEAM", Integer.toString(width));
  }

  /** {@code IGNORE_BEAM_CACHE=1}: search again even when the cache has an answer. */
  public Tinygrad ignoreBeamCache(boolean ignore) {
    return env("IGNORE_BEAM_CACHE", ignore ? "1" : "0");
  }

  /** Any other variable, such as {@code MV_THREADS_PER_ROW=32} or {@code DEBUG=2}. */
  public Tinygrad env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** More arguments for llama3.py. */
  public Tinygrad arg(String... args) {
    extraArgs.addAll(List.of(args));
    return this;
  }

  public Tinygrad warmup(WarmupRule rule) {
    warmup = rule;
    return this;
  }

  public Tinygrad timeout(Duration t) {
    timeout = t;
    return this;
  }

  public Tinygrad log(Path file) {
    log = file;
    return this;
  }

  public Tinygrad machine(Map<String, String> description) {
    machine = Map.copyOf(description);
    return this;
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
                python,
                "examples/llama3.py",
                "--benchmark",
                "--timing",
                "--no_api",
                "--size",
                size));
    if (model != null) cmd.addAll(List.of("--model", model.toString()));
    cmd.addAll(extraArgs);
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("PYTHONUNBUFFERED", "1"); // so timing lines stream as they happen
    vars.putAll(checkout.backendEnv(backend));
    vars.putAll(env);
    return new ProcessSpec(cmd, vars, checkout.dir(), timeout, log);
  }

  /** Runs it and returns its one row (failed, with the reason and stderr tail, if it failed). */
  public RunResult run() {
    ProcessSpec spec = spec();
    Map<String, String> provenance = provenance(spec);
    Map<String, String> flags = flags(spec);
    String missing = missingInput();
    if (!missing.isEmpty()) {
      ProcessOutcome none =
          new ProcessOutcome(
              spec.commandLine(), Instant.now(), Duration.ZERO, -1, false, missing, List.of());
      return new RunResult(List.of(failed(missing, flags, provenance)), none, log);
    }
    TinygradOutput out = new TinygradOutput();
    ProcessOutcome outcome;
    try (Tegrastats tegrastats = Tegrastats.start(spec.env())) {
      outcome = Launcher.run(spec, out::accept);
      provenance.putAll(tegrastats.drain().provenance());
    }
    BenchResult row = TinygradRow.toResult(out, warmup, backend, model, flags, provenance);
    if (!outcome.succeeded()) row = row.withStatus(Status.FAILED, outcome.failureReason());
    return new RunResult(List.of(row), outcome, log);
  }

  private String missingInput() {
    if (!Files.isRegularFile(checkout.dir().resolve("examples/llama3.py"))) {
      return "not a tinygrad checkout: " + checkout.dir() + " has no examples/llama3.py";
    }
    if (model != null && !Files.isRegularFile(model)) return "model not found: " + model;
    return "";
  }

  private BenchResult failed(
      String reason, Map<String, String> flags, Map<String, String> provenance) {
    BenchResult r =
        TinygradRow.toResult(new TinygradOutput(), warmup, backend, model, flags, provenance);
    return r.withStatus(Status.FAILED, reason);
  }

  private Map<String, String> flags(ProcessSpec spec) {
    Map<String, String> f = new LinkedHashMap<>(spec.env());
    f.remove("PYTHONUNBUFFERED");
    f.put("requested_backend", backend);
    f.put("size", size);
    BeamCache cache = BeamCache.locate(spec.env());
    f.put("beam_cache_existed", Boolean.toString(cache.exists()));
    return f;
  }

  private Map<String, String> provenance(ProcessSpec spec) {
    Map<String, String> p =
        RunProvenance.of(spec, Instant.now(), machine != null ? machine : Machine.describe());
    p.put("tinygrad_version", checkout.version());
    p.put("tinygrad_commit", checkout.commit());
    p.put(
        "backend_env",
        String.join(
            " ",
            checkout.backendEnv(backend).entrySet().stream()
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
