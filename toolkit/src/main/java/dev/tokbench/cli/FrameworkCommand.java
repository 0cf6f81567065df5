package dev.tokbench.cli;

import dev.tokbench.Described;
import dev.tokbench.run.Benchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A {@code run FRAMEWORK} command: the options every run shares ({@link RunOptions}), the
 * framework's own (made from the components of its options record, whose defaults they show), and
 * arguments after {@code --} for the framework's program. Rows go to {@code --out} (or stdout) as
 * they are measured; the exit status is 3 when one is not ok.
 *
 * @param <O> the framework's options record
 * @param <B> the framework's run
 */
@Command(mixinStandardHelpOptions = true)
class FrameworkCommand<O extends Record, B extends Benchmark<B>>
    implements Callable<Integer>, RecordOptions.Holder {
  @Spec CommandSpec spec;

  @Mixin RunOptions shared;

  @Parameters(paramLabel = "ARG", description = "More arguments for the program, after --.")
  List<String> args = new ArrayList<>();

  private final O defaults;
  private final Function<O, B> make;
  private RecordOptions<O> framework;

  /** A command whose options are {@code defaults}' record's, run by {@code make}. */
  FrameworkCommand(O defaults, Function<O, B> make) {
    this.defaults = defaults;
    this.make = make;
  }

  /**
   * The command {@code tokbench run NAME} for a framework whose options record says, on itself,
   * what the command does ({@link Described}) and, on its components, what its options are.
   */
  static <O extends Record, B extends Benchmark<B>> CommandLine named(
      String name, O defaults, Function<O, B> make) {
    Described d = defaults.getClass().getAnnotation(Described.class);
    CommandLine cl = new CommandLine(new FrameworkCommand<>(defaults, make));
    CommandSpec spec = cl.getCommandSpec().name(name);
    List<String> description = new ArrayList<>(List.of(d.value()));
    description.addAll(List.of(d.more()));
    spec.usageMessage().description(description.toArray(String[]::new));
    List<String> footer = new ArrayList<>(List.of("", "Example:"));
    for (String line : d.example()) footer.add("  " + line);
    spec.usageMessage().footer(footer.toArray(String[]::new));
    return cl;
  }

  @Override
  public final void addOptions(CommandSpec command) {
    framework = RecordOptions.addTo(command, defaults);
  }

  /** The run the options make; by default {@code make} of the constructor. */
  B make(O options) {
    return make.apply(options);
  }

  /** Says on stderr what is about to run, where that is news; by default nothing. */
  void announce(B bench) {}

  /** The tests the run will measure, in order, where they are known before it starts. */
  RunProgress.Plan plan(B bench) {
    return RunProgress.Plan.UNKNOWN;
  }

  @Override
  public Integer call() {
    B bench = shared.applyTo(make(framework.value()).arg(args.toArray(String[]::new)));
    announce(bench);
    boolean terminal = System.console() != null;
    try (RunRows.Output out = RunRows.Output.open(shared.out, spec);
        RunProgress progress =
            new RunProgress(
                    spec.commandLine().getErr(),
                    terminal,
                    spec.name(),
                    plan(bench),
                    System::nanoTime)
                .ticking()) {
      bench.run(out.andThen(progress));
      progress.close(); // the line goes before the summary
      return out.finish(spec);
    }
  }
}
