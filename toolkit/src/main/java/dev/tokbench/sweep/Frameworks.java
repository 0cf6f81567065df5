package dev.tokbench.sweep;

import dev.tokbench.run.Benchmark;
import dev.tokbench.run.RunSettings;
import dev.tokbench.run.llamacpp.LlamaBench;
import dev.tokbench.run.llamacpp.LlamaBenchOptions;
import dev.tokbench.run.mlc.MlcOptions;
import dev.tokbench.run.mlc.MlcRun;
import dev.tokbench.run.tinygrad.Tinygrad;
import dev.tokbench.run.tinygrad.TinygradOptions;
import dev.tokbench.run.vllm.VllmOptions;
import dev.tokbench.run.vllm.VllmRun;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The frameworks a sweep file's {@code run.framework} can name, each with the options record its
 * other keys bind to and how a run is made from it. A new framework is one more entry here.
 */
final class Frameworks {
  private Frameworks() {}

  /**
   * One framework: the names it goes by, its options record and their defaults, and the run.
   *
   * @param <O> the options record
   */
  record Binding<O extends Record>(
      List<String> names, Class<O> type, O defaults, BiFunction<O, RunSettings, Benchmark<?>> run) {
    Benchmark<?> make(Object options, RunSettings settings) {
      return run.apply(type.cast(options), settings);
    }
  }

  static final List<Binding<?>> ALL =
      List.of(
          new Binding<>(
              List.of("llama-bench", "llama.cpp"),
              LlamaBenchOptions.class,
              // a sweep runs unattended: one crashing point must not cost the tests after it
              LlamaBenchOptions.DEFAULTS.with(LlamaBenchOptions::continueAfterFailure, true),
              (o, s) -> LlamaBench.of(o).settings(s)),
          new Binding<>(
              List.of("embedded"),
              LlamaBenchOptions.class,
              // the embedded engine runs in a child JVM, whose crash is one failed test too
              LlamaBenchOptions.DEFAULTS
                  .with(LlamaBenchOptions::embedded, true)
                  .with(LlamaBenchOptions::continueAfterFailure, true),
              (o, s) -> LlamaBench.of(o).settings(s)),
          new Binding<>(
              List.of("tinygrad"),
              TinygradOptions.class,
              TinygradOptions.DEFAULTS,
              (o, s) -> Tinygrad.of(o).settings(s)),
          new Binding<>(
              List.of("vllm"),
              VllmOptions.class,
              VllmOptions.DEFAULTS,
              (o, s) -> VllmRun.of(o).settings(s)),
          new Binding<>(
              List.of("mlc", "mlc-llm"),
              MlcOptions.class,
              MlcOptions.DEFAULTS,
              (o, s) -> MlcRun.of(o).settings(s)));

  /** The framework that goes by {@code name}. */
  static Optional<Binding<?>> named(String name) {
    return ALL.stream().filter(b -> b.names().contains(name)).findFirst();
  }

  /** Every framework's first name, for messages. */
  static List<String> names() {
    return ALL.stream().map(b -> b.names().get(0)).toList();
  }
}
