package dev.tokbench.run.tinygrad;

import dev.tokbench.Described;
import dev.tokbench.Records;
import java.nio.file.Path;

/**
 * What a tinygrad benchmark runs, with its defaults: {@link Tinygrad}, {@code tokbench run
 * tinygrad} and a sweep file's {@code framework: tinygrad} all start from {@link #DEFAULTS}.
 *
 * <p>Two programs: tinygrad's own {@code examples/llama3.py --benchmark} (20 decode tokens), or
 * with {@code prefill} set tokbench's harness {@code scripts/tinygrad_bench.py}, which times prompt
 * processing and decode separately ({@code pp512}, {@code tg128}). Either runs once, or in BEAM
 * phases: with {@code beam} a {@code JITBEAM} search, then the measured run on the cache it warmed;
 * with {@code cold} a run on a fresh empty cache first.
 *
 * @param checkout the tinygrad source checkout to run in
 * @param model the GGUF file ({@code --model}); null for llama3.py's own download
 * @param size llama3.py's {@code --size} (1B when null); for the harness, the {@code MODEL_PARAMS}
 *     entry the GGUF must match (when null, the GGUF's own shape)
 * @param backend the backend ({@code CUDA}, {@code NV}, {@code AMD}, {@code METAL}, {@code CPU} …)
 * @param python the interpreter: a path, or a name looked up in the run's {@code PATH}
 * @param warmupTokens leading tokens (harness: calls) discarded as JIT warm-up (TinyJit's first 2)
 * @param beam the {@code JITBEAM} width of a search phase before the measured run; null or 0: no
 *     search
 * @param cold true to run first on a fresh, empty {@code CACHEDB} without BEAM
 * @param searchTimeoutS seconds the search phase may take; null for the run's timeout
 * @param jitbeam {@code JITBEAM} for a single run without phases; null to leave it unset
 * @param prefill prompt tokens for the harness; null runs llama3.py instead
 * @param gen tokens the harness generates (128 when null); needs {@code prefill}
 * @param repetitions timed repetitions of each harness test
 * @param depth tokens already in the KV cache for the harness's tests (llama-bench {@code -d})
 * @param harness the harness script; null for the copy inside tokbench
 */
@Described(
    value =
        "Run tinygrad from a checkout, its examples/llama3.py --benchmark or, with --prefill,"
            + " tokbench's prefill and decode harness, and append the rows.",
    more = {
      "With --beam N: a JITBEAM=N search (rows marked phase=search, test 'search …'), then the"
          + " measured run on the warm cache; --cold adds a run on a fresh empty CACHEDB first.",
      "Exit status 3 when a row failed."
    },
    example = {
      "tokbench run tinygrad --checkout ~/tinygrad --model llama-3.2-1b-Q6_K.gguf \\",
      "    --backend CUDA --beam 2 --cold --prefill 512 --gen 128"
    })
public record TinygradOptions(
    @Described(value = "The tinygrad source checkout.", label = "DIR", required = true)
        Path checkout,
    @Described(value = "The GGUF file.", label = "FILE", required = true) Path model,
    @Described(
            value =
                "The --size of llama3.py; for the harness, the MODEL_PARAMS shape the model must"
                    + " match.",
            unset = "1B for llama3.py, the GGUF's own shape for the harness")
        String size,
    @Described("The backend: CUDA, NV, AMD, METAL, CPU ….") String backend,
    @Described("The Python interpreter.") String python,
    @Described(
            value = "Leading tokens discarded as JIT warm-up.",
            names = "--warmup",
            label = "TOKENS")
        int warmupTokens,
    @Described(
            value =
                "BEAM in phases: a JITBEAM=WIDTH search, then the measured run on the warm cache.",
            label = "WIDTH",
            unset = "no search")
        Integer beam,
    @Described("Also a cold run first: no BEAM, a fresh empty CACHEDB.") boolean cold,
    @Described(
            value = "Seconds the search phase may take.",
            names = "--search-timeout",
            label = "SECONDS",
            unset = "the run's timeout")
        Integer searchTimeoutS,
    @Described(value = "JITBEAM for a single run, without phases.", label = "WIDTH")
        Integer jitbeam,
    @Described(
            value =
                "Prompt tokens: time prefill and decode separately with scripts/tinygrad_bench.py"
                    + " (0: decode only).",
            label = "TOKENS",
            unset = "llama3.py --benchmark")
        Integer prefill,
    @Described(
            value = "Tokens the harness generates (with --prefill; 0: prefill only).",
            label = "TOKENS",
            unset = "128")
        Integer gen,
    @Described(value = "Timed repetitions of each harness test.", label = "N") int repetitions,
    @Described(value = "Tokens already in the KV cache for the harness's tests.", label = "TOKENS")
        int depth,
    @Described(value = "The harness script.", label = "FILE", unset = "the copy inside tokbench")
        Path harness) {
  /** The generated tokens of a harness run when {@code gen} is not given (llama-bench's tg128). */
  public static final int DEFAULT_GEN = 128;

  /** The current directory as checkout, CUDA, python3, two warm-up tokens, no BEAM, llama3.py. */
  public static final TinygradOptions DEFAULTS =
      new TinygradOptions(
          Path.of("."),
          null,
          null,
          "CUDA",
          "python3",
          2,
          null,
          false,
          null,
          null,
          null,
          null,
          3,
          0,
          null);

  public TinygradOptions {
    if (checkout == null) throw new IllegalArgumentException("tinygrad needs a checkout");
    if (warmupTokens < 0) {
      throw new IllegalArgumentException("cannot discard " + warmupTokens + " warm-up tokens");
    }
    if (beam != null && beam < 0) throw new IllegalArgumentException("--beam " + beam + " < 0");
    if (beam != null && beam > 0 && jitbeam != null) {
      throw new IllegalArgumentException(
          "--beam runs its own JITBEAM phases; --jitbeam is for a single run without them");
    }
    if (cold && jitbeam != null) {
      throw new IllegalArgumentException(
          "--cold runs without BEAM; --beam WIDTH adds the search and the warm run");
    }
    if (searchTimeoutS != null && searchTimeoutS <= 0) {
      throw new IllegalArgumentException("--search-timeout must be > 0, got " + searchTimeoutS);
    }
    checkHarness(prefill, gen, repetitions, depth);
  }

  private static void checkHarness(Integer prefill, Integer gen, int repetitions, int depth) {
    if (prefill == null && gen != null) {
      throw new IllegalArgumentException(
          "--gen " + gen + " is for the harness: give --prefill too (0 for decode only)");
    }
    if (prefill != null && prefill < 0) throw new IllegalArgumentException("--prefill < 0");
    if (gen != null && gen < 0) throw new IllegalArgumentException("--gen < 0");
    if (prefill != null && prefill == 0 && gen != null && gen == 0) {
      throw new IllegalArgumentException("nothing to time: --prefill and --gen are both 0");
    }
    if (repetitions < 1) throw new IllegalArgumentException("--repetitions must be >= 1");
    if (depth < 0) throw new IllegalArgumentException("--depth must be >= 0, got " + depth);
  }

  /** True when the harness runs (prefill given), false for llama3.py. */
  public boolean harnessRun() {
    return prefill != null;
  }

  /** The tokens the harness generates: {@code gen}, else {@link #DEFAULT_GEN}. */
  public int genTokens() {
    return gen != null ? gen : DEFAULT_GEN;
  }

  /** True when a search phase runs before the measured run. */
  public boolean searches() {
    return beam != null && beam > 0;
  }

  /** A copy with one component changed: {@code o.with(TinygradOptions::backend, "NV")}. */
  public <T> TinygradOptions with(Records.Component<TinygradOptions, T> component, T value) {
    return Records.with(this, component, value);
  }
}
