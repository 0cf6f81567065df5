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
   * True for a flag that means nothing to a CPU-only llama.cpp ({@code -ngl}): accepted, recorded
   * on the rows, not a test parameter.
   */
  public static boolean ignores(String flag) {
    return IGNORED.contains(flag);
  }

  /** What every row of a run says of the engine: why it was chosen, the flags it ignored. */
  public Map<String, String> provenance(String why) {
    Map<String, String> note = new LinkedHashMap<>();
    note.put("engine_choice", why);
    if (!ignored.isEmpty()) note.put("ignored_flags", ignored.toString());
    return note;
  }

  /**
   * Runs every model × thread count: the tests llama-bench would run ({@code pp} for each {@code
   * -p}, then {@code tg} for each {@code -n}), one model load per configuration, each row handed to
   * {@code sink} as soon as its test is done, so that a process that dies later has handed on every
   * finished test.
   */
  public RunResult run(String why, Consumer<BenchResult> sink) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    Map<String, String> note = provenance(why);
    List<BenchResult> rows = new ArrayList<>();
    Consumer<BenchResult> out =
        r -> {
          BenchResult noted = r.withProvenance(note);
          rows.add(noted);
          sink.accept(noted);
        };
    for (Path model : models) {
      for (int t : threads) configuration(model, t, out);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
    String line = EmbeddedLlama.FRAMEWORK + " " + String.join(" ", args);
    return new RunResult(
        rows, new ProcessOutcome(line, started, elapsed, 0, false, "", List.of()), null);
  }

  private void configuration(Path model, int t, Consumer<BenchResult> out) {
    EmbeddedLlama base = EmbeddedLlama.model(model).repetitions(repetitions).threads(t);
    List<EmbeddedLlama> runs = new ArrayList<>();
    if (prompts.size() == 1 && gens.size() == 1) {
      runs.add(base.prompt(prompts.get(0)).generate(gens.get(0)));
    } else {
      prompts.stream().filter(p -> p > 0).forEach(p -> runs.add(base.prompt(p).generate(0)));
      gens.stream().filter(n -> n > 0).forEach(n -> runs.add(base.prompt(0).generate(n)));
    }
    for (EmbeddedLlama run : runs) {
      try {
        run.run().forEach(out);
      } catch (UncheckedIOException | GgufFormatException | FileReadException e) {
        // A missing or unreadable model is a failed row per test, as it is from llama-bench.
        String reason = "cannot benchmark " + model + ": " + e.getMessage();
        EmbeddedOptions o = run.options();
        if (o.prompt() > 0)
          out.accept(EmbeddedRows.unreadable(model, t, o.prompt(), 0, Status.FAILED, reason));
        if (o.gen() > 0)
          out.accept(EmbeddedRows.unreadable(model, t, 0, o.gen(), Status.FAILED, reason));
      }
    }
  }

  /** A llama-bench flag the embedded engine cannot honour. */
  public static final class UnsupportedFlagException extends BadInputException {
    UnsupportedFlagException(String message) {
      super(message);
    }
  }
}
