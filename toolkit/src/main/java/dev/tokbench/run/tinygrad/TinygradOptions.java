package dev.tokbench.run.tinygrad;

import dev.tokbench.Described;
import dev.tokbench.Records;
import java.nio.file.Path;

/**
 * What a tinygrad benchmark runs, with its defaults: {@link Tinygrad}, {@code tokbench run
 * tinygrad} and a sweep file's {@code framework: tinygrad} all start from {@link #DEFAULTS}.
 *
 * @param checkout the tinygrad source checkout to run {@code examples/llama3.py} in
 * @param model the GGUF file ({@code --model}); null for llama3.py's own download
 * @param size llama3.py's {@code --size}: 1B, 8B, 70B …
 * @param backend the backend ({@code CUDA}, {@code NV}, {@code AMD}, {@code METAL}, {@code CPU} …)
 * @param python the interpreter: a path, or a name looked up in the run's {@code PATH}
 * @param warmupTokens leading tokens discarded as JIT warm-up (TinyJit's first two)
 * @param beam {@code BEAM}: kernel search width for every kernel; null to leave it unset
 * @param jitbeam {@code JITBEAM}: search width for jitted kernels only; null to leave it unset
 */
@Described(
    value = "Run tinygrad's examples/llama3.py --benchmark from a checkout and append its row.",
    more = {"Exit status 3 when the row failed."},
    example = {
      "tokbench run tinygrad --checkout ~/tinygrad --model llama-3.2-1b-Q4_K_M.gguf \\",
      "    --backend CUDA --jitbeam 2"
    })
public record TinygradOptions(
    @Described(value = "The tinygrad source checkout.", label = "DIR", required = true)
        Path checkout,
    @Described(value = "The GGUF file.", label = "FILE", required = true) Path model,
    @Described("The --size of llama3.py.") String size,
    @Described("The backend: CUDA, NV, AMD, METAL, CPU ….") String backend,
    @Described("The Python interpreter.") String python,
    @Described(
            value = "Leading tokens discarded as JIT warm-up.",
            names = "--warmup",
            label = "TOKENS")
        int warmupTokens,
    @Described(value = "BEAM: search width for kernels.", label = "WIDTH") Integer beam,
    @Described(value = "JITBEAM: search width for jitted kernels only.", label = "WIDTH")
        Integer jitbeam) {
  /** The current directory as checkout, 1B, CUDA, python3, two warm-up tokens, no BEAM. */
  public static final TinygradOptions DEFAULTS =
      new TinygradOptions(Path.of("."), null, "1B", "CUDA", "python3", 2, null, null);

  public TinygradOptions {
    if (checkout == null) throw new IllegalArgumentException("tinygrad needs a checkout");
    if (warmupTokens < 0) {
      throw new IllegalArgumentException("cannot discard " + warmupTokens + " warm-up tokens");
    }
  }

  /** A copy with one component changed: {@code o.with(TinygradOptions::backend, "NV")}. */
  public <T> TinygradOptions with(Records.Component<TinygradOptions, T> component, T value) {
    return Records.with(this, component, value);
  }
}
