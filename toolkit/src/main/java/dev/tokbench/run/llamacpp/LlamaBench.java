package dev.tokbench.run.llamacpp;

import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.process.Executables;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.run.Benchmark;
import dev.tokbench.run.RunResult;
import dev.tokbench.run.RunSettings;
import dev.tokbench.run.llamacpp.embedded.EmbeddedLlama;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * llama.cpp's {@code llama-bench}: a typed builder for its test parameters, launched as a real
 * process with {@code -o jsonl} so every finished test is kept even if the run is killed, and a
 * reader for saved output in any format.
 *
 * <pre>{@code
 * LlamaBench.at(Path.of("build/bin/llama-bench"))
 *     .model(Path.of("llama-3.2-1b-Q4_K_M.gguf"))
 *     .prompt(512).gen(128).gpuLayers(99)
 *     .flashAttention(FlashAttention.OFF, FlashAttention.ON)
 *     .run();
 * }</pre>
 *
 * Several values per parameter make llama-bench test every combination, as on its command line.
 */
public final class LlamaBench implements Benchmark<LlamaBench> {
  private final Path binary;
  private final List<Path> models;
  private final Map<String, String> params;
  private final RunSettings settings;
  private final String why;
  private final boolean continueAfterFailure;

  private LlamaBench(
      Path binary,
      List<Path> models,
      Map<String, String> params,
      RunSettings settings,
      String why,
      boolean continueAfterFailure) {
    this.binary = binary;
    this.models = List.copyOf(models);
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    this.settings = settings;
    this.why = why;
    this.continueAfterFailure = continueAfterFailure;
  }

  private LlamaBench(Path binary, String why) {
    this(binary, List.of(), Map.of(), RunSettings.NONE, why, false);
  }

  /** Every test in a saved llama-bench output file, as normalised rows. */
  public static List<BenchResult> parse(Path file) {
    return LlamaBenchOutput.read(file);
  }

  /** A run of this llama-bench binary. */
  public static LlamaBench at(Path binary) {
    return new LlamaBench(Objects.requireNonNull(binary, "binary"), "chosen explicitly");
  }

  /**
   * The configured llama-bench ({@link #find()}), else the llama.cpp embedded in tokbench, which
   * runs the same {@code -m -p -n -r -t} tests in a child JVM: a run works on a machine with
   * nothing installed. {@link #engine()} says which was chosen and why.
   */
  public static LlamaBench auto() {
    return find()
        .map(LlamaBench::at)
        .orElseGet(
            () -> new LlamaBench(null, "LLAMA_BENCH is unset and no llama-bench is on the PATH"));
  }

  /** The same tests run by the embedded llama.cpp (CPU, in a child JVM) instead of a binary. */
  public static LlamaBench embedded() {
    return new LlamaBench(null, "chosen explicitly");
  }

  /**
   * The llama.cpp these options choose: the binary named, the embedded one when forced, else {@link
   * #auto()}. The one place the command line, sweep files and notebooks make that choice.
   */
  public static LlamaBench of(LlamaBenchOptions options) {
    LlamaBench b;
    if (options.binary() != null) b = at(options.binary());
    else b = options.embedded() ? embedded() : auto();
    return b.continueAfterFailure(options.continueAfterFailure());
  }

  /**
   * After a test crashes, runs out of memory or hangs, run the tests after it in a new llama-bench
   * (tokbench expands the matrix as llama-bench does), so one failing configuration costs one
   * failed row; off, a failure ends the run as it ends llama-bench.
   */
  public LlamaBench continueAfterFailure(boolean on) {
    return new LlamaBench(binary, models, params, settings, why, on);
  }

  /** True when {@link #run} uses the embedded llama.cpp rather than a llama-bench process. */
  public boolean isEmbedded() {
    return binary == null;
  }

  /** Which llama.cpp runs the tests, and why. */
  public String engine() {
    if (binary != null) return "llama-bench " + binary;
    return EmbeddedLlama.FRAMEWORK + " (" + EmbeddedLlama.ENGINE + "): " + why;
  }

  /** The binary named by {@code LLAMA_BENCH}, else {@code llama-bench} on the {@code PATH}. */
  public static Optional<Path> find() {
    String named = System.getenv("LLAMA_BENCH");
    if (named != null && !named.isBlank()) return Optional.of(Path.of(named));
    return Executables.find("llama-bench", Map.of());
  }

  @Override
  public RunSettings settings() {
    return settings;
  }

  @Override
  public LlamaBench settings(RunSettings s) {
    return new LlamaBench(binary, models, params, s, why, continueAfterFailure);
  }

  /** {@code -m}: one or more GGUF files, after those already given. */
  public LlamaBench model(Path... files) {
    List<Path> all = new ArrayList<>(models);
    all.addAll(List.of(files));
    return new LlamaBench(binary, all, params, settings, why, continueAfterFailure);
  }

  /** {@code -p}: prompt lengths; 0 for none. */
  public LlamaBench prompt(int... tokens) {
    return ints("-p", tokens);
  }

  /** {@code -n}: generation lengths; 0 for none. */
  public LlamaBench gen(int... tokens) {
    return ints("-n", tokens);
  }

  /** {@code -pg}: a prompt followed by a generation, measured together ({@code pp512+tg128}). */
  public LlamaBench promptGen(int prompt, int gen) {
    return arg("-pg", prompt + "," + gen);
  }

  /** {@code -d}: tokens already in the context before each test. */
  public LlamaBench depth(int... tokens) {
    return ints("-d", tokens);
  }

  /** {@code -b}: logical batch sizes. */
  public LlamaBench batch(int... sizes) {
    return ints("-b", sizes);
  }

  /** {@code -ub}: physical batch sizes. */
  public LlamaBench ubatch(int... sizes) {
    return ints("-ub", sizes);
  }

  /** {@code -ctk}: K-cache types such as {@code f16}, {@code q8_0}. */
  public LlamaBench cacheTypeK(String... types) {
    return text("-ctk", types);
  }

  /** {@code -ctv}: V-cache types. */
  public LlamaBench cacheTypeV(String... types) {
    return text("-ctv", types);
  }

  /** {@code -t}: CPU threads. */
  public LlamaBench threads(int... n) {
    return ints("-t", n);
  }

  /** {@code -ngl}: layers offloaded to the GPU (99 for all). */
  public LlamaBench gpuLayers(int... n) {
    return ints("-ngl", n);
  }

  /** {@code -sm}: split mode across GPUs: none, layer, row (and tensor in newer versions). */
  public LlamaBench splitMode(String... modes) {
    return text("-sm", modes);
  }

  /** {@code -ts}: tensor splits, each the GPUs' proportions: {@code tensorSplit("1/1", "3/1")}. */
  public LlamaBench tensorSplit(String... splits) {
    return text("-ts", LlamaBenchParam.tensorSplits(splits));
  }

  /** {@code -mg}: the main GPU (with {@code -sm none}, the only one used). */
  public LlamaBench mainGpu(int... index) {
    return ints("-mg", index);
  }

  /**
   * {@code -fa}: written as 0/1 so that versions before May 2026 (bool) and after (-1/0/1 and
   * on/off/auto) both accept them; {@code AUTO} as {@code auto}, which only newer versions know.
   */
  public LlamaBench flashAttention(FlashAttention... values) {
    return text("-fa", Stream.of(values).map(LlamaBenchParam::flashAttn).toArray(String[]::new));
  }

  /** {@code -mmp}: memory-map the model (older versions; newer ones prefer {@code -lm}). */
  public LlamaBench mmap(boolean... on) {
    String[] v = new String[on.length];
    for (int i = 0; i < on.length; i++) v[i] = on[i] ? "1" : "0";
    return text("-mmp", v);
  }

  /** {@code -r}: repetitions of each test. */
  public LlamaBench repetitions(int n) {
    return ints("-r", n);
  }

  /** Any other llama-bench argument, passed as given. {@code -o} is reserved: runs read jsonl. */
  @Override
  public LlamaBench arg(String... args) {
    for (String a : args) {
      if (a.equals("-o") || a.equals("--output")) {
        throw new IllegalArgumentException(
            "llama-bench is run with -o jsonl so that a killed run keeps its finished tests;"
                + " use -oe FORMAT for a second copy on stderr");
      }
    }
    return Benchmark.super.arg(args);
  }

  /** The llama-bench arguments, for a process with {@code -v -o jsonl}; embedded, without. */
  public List<String> args() {
    List<String> a = new ArrayList<>(testArgs());
    if (binary != null) a.addAll(List.of("-o", "jsonl"));
    return a;
  }

  private List<String> testArgs() {
    return LlamaBenchParam.testArgs(models, params, settings.args(), binary != null);
  }

  /** What would be launched first. */
  public ProcessSpec spec() {
    if (binary == null) throw new IllegalStateException("the embedded llama.cpp has no process");
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.addAll(args());
    Duration timeout = settings.timeoutOr(ProcessSpec.DEFAULT_TIMEOUT);
    return new ProcessSpec(
        cmd, settings.env(), null, timeout, settings.log(), settings.stallOrDefault());
  }

  /** Runs it, handing each row to {@code sink} as soon as its test finishes. */
  @Override
  public RunResult run(Consumer<BenchResult> sink) {
    BenchProgram program =
        binary != null ? new BinaryProgram(binary) : EmbeddedProgram.of(testArgs(), engine());
    return new LlamaBenchRun(program, testArgs(), settings, continueAfterFailure, models).run(sink);
  }

  private LlamaBench ints(String flag, int... values) {
    if (values.length == 0) throw new IllegalArgumentException(flag + " needs at least one value");
    return text(flag, IntStream.of(values).mapToObj(Integer::toString).toArray(String[]::new));
  }

  private LlamaBench text(String flag, String... values) {
    if (values.length == 0) throw new IllegalArgumentException(flag + " needs at least one value");
    Map<String, String> all = new LinkedHashMap<>(params);
    all.put(flag, String.join(",", values));
    return new LlamaBench(binary, models, all, settings, why, continueAfterFailure);
  }

  @Override
  public String toString() {
    return binary == null
        ? EmbeddedLlama.FRAMEWORK + " " + String.join(" ", args())
        : "llama-bench " + spec().commandLine();
  }
}
