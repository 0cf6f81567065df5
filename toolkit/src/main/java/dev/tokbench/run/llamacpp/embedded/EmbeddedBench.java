package dev.tokbench.run.llamacpp.embedded;

import dev.tokbench.BadInputException;
import dev.tokbench.FileReadException;
import dev.tokbench.gguf.GgufFormatException;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import dev.tokbench.run.RunResult;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The llama-bench command line run by the embedded llama.cpp, for machines with no llama-bench.
 * Models, {@code -p}, {@code -n}, {@code -r} and {@code -t} carry over (lists and repeated flags as
 * in llama-bench); flags that only mean something to a GPU build are ignored and recorded; any
 * other flag is refused, because silently dropping, say, {@code -fa 1} would mislabel the rows.
 */
public final class EmbeddedBench {
  /** Flags with no effect on a CPU-only llama.cpp (or on where output goes); noted, not refused. */
  private static final List<String> IGNORED =
      List.of("-ngl", "--n-gpu-layers", "-o", "--output", "-sm", "--split-mode", "-mg");

  private final List<Path> models = new ArrayList<>();
  private final List<Integer> prompts = new ArrayList<>();
  private final List<Integer> gens = new ArrayList<>();
  private final List<Integer> threads = new ArrayList<>();
  private final Map<String, String> ignored = new LinkedHashMap<>();
  private final List<String> args;
  private int repetitions = EmbeddedOptions.DEFAULTS.repetitions();

  private EmbeddedBench(List<String> args) {
    this.args = List.copyOf(args);
  }

  /** Parses llama-bench flags; a flag the embedded engine cannot honour is a typed error. */
  public static EmbeddedBench of(List<String> args) {
    EmbeddedBench b = new EmbeddedBench(args);
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) throw new UnsupportedFlagException(flag + " needs a value");
      String value = args.get(++i);
      b.take(flag, value);
    }
    if (b.models.isEmpty()) throw new UnsupportedFlagException("no model: pass -m FILE");
    EmbeddedOptions defaults = EmbeddedOptions.DEFAULTS;
    if (b.prompts.isEmpty()) b.prompts.add(defaults.prompt());
    if (b.gens.isEmpty()) b.gens.add(defaults.gen());
    if (b.threads.isEmpty()) b.threads.add(defaults.threadCount());
    return b;
  }

  private void take(String flag, String value) {
    switch (flag) {
      case "-m", "--model" -> models.add(Path.of(value));
      case "-p", "--n-prompt" -> prompts.addAll(ints(flag, value));
      case "-n", "--n-gen" -> gens.addAll(ints(flag, value));
      case "-t", "--threads" -> threads.addAll(ints(flag, value));
      case "-r", "--repetitions" -> repetitions = ints(flag, value).get(0);
      default -> {
        if (!IGNORED.contains(flag)) {
          throw new UnsupportedFlagException(
              "the embedded llama.cpp runs -m, -p, -n, -r and -t only (and ignores "
                  + String.join(" ", IGNORED)
                  + "); "
                  + flag
                  + " "
                  + value
                  + " needs an external llama-bench: set LLAMA_BENCH or pass its path");
        }
        ignored.put(flag, value);
      }
    }
  }

  private static List<Integer> ints(String flag, String value) {
    List<Integer> out = new ArrayList<>();
    for (String v : value.split(",")) {
      try {
        out.add(Integer.parseInt(v.trim()));
      } catch (NumberFormatException e) {
        throw new UnsupportedFlagException(flag + " takes integers, got '" + value + "'");
      }
    }
    return out;
  }

  /**
   * Runs every model × thread count: the tests llama-bench would run ({@code pp} for each {@code
   * -p}, then {@code tg} for each {@code -n}), one model load per configuration.
   */
  public RunResult run(String why, Consumer<BenchResult> sink) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    Map<String, String> note = new LinkedHashMap<>();
    note.put("engine_choice", why);
    if (!ignored.isEmpty()) note.put("ignored_flags", ignored.toString());
    List<BenchResult> rows = new ArrayList<>();
    for (Path model : models) {
      for (int t : threads) {
        for (BenchResult r : configuration(model, t)) {
          BenchResult noted = r.withProvenance(note);
          rows.add(noted);
          sink.accept(noted);
        }
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
    String line = EmbeddedLlama.FRAMEWORK + " " + String.join(" ", args);
    return new RunResult(
        rows, new ProcessOutcome(line, started, elapsed, 0, false, "", List.of()), null);
  }

  private List<BenchResult> configuration(Path model, int t) {
    EmbeddedLlama base = EmbeddedLlama.model(model).repetitions(repetitions).threads(t);
    List<EmbeddedLlama> runs = new ArrayList<>();
    if (prompts.size() == 1 && gens.size() == 1) {
      runs.add(base.prompt(prompts.get(0)).generate(gens.get(0)));
    } else {
      prompts.stream().filter(p -> p > 0).forEach(p -> runs.add(base.prompt(p).generate(0)));
      gens.stream().filter(n -> n > 0).forEach(n -> runs.add(base.prompt(0).generate(n)));
    }
    List<BenchResult> out = new ArrayList<>();
    for (EmbeddedLlama run : runs) {
      try {
        out.addAll(run.run());
      } catch (UncheckedIOException | GgufFormatException | FileReadException e) {
        // A missing or unreadable model is a failed row, as it is from llama-bench.
        String reason = "cannot benchmark " + model + ": " + e.getMessage();
        out.add(
            BenchResult.failed(EmbeddedLlama.FRAMEWORK, Status.FAILED, reason)
                .withProvenance(Map.of("model_path", model.toString())));
      }
    }
    return out;
  }

  /** A llama-bench flag the embedded engine cannot honour. */
  public static final class UnsupportedFlagException extends BadInputException {
    UnsupportedFlagException(String message) {
      super(message);
    }
  }
}
