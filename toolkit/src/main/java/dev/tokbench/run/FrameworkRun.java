package dev.tokbench.run;

import dev.tokbench.Records;

/**
 * A run of one framework's benchmark made of its options record and the {@link RunSettings} every
 * run shares; a setter is a copy with one option or setting changed, so a run stays as it was made.
 *
 * @param <O> the framework's options record
 * @param <R> the run itself, returned by every setter
 */
public abstract class FrameworkRun<O extends Record, R extends FrameworkRun<O, R>>
    implements Benchmark<R> {
  private final O options;
  private final RunSettings settings;

  protected FrameworkRun(O options, RunSettings settings) {
    this.options = options;
    this.settings = settings;
  }

  /** What it runs. */
  public O options() {
    return options;
  }

  @Override
  public RunSettings settings() {
    return settings;
  }

  @Override
  public R settings(RunSettings s) {
    return copy(options, s);
  }

  /** This run with other options and settings. */
  protected abstract R copy(O newOptions, RunSettings newSettings);

  /** This run with one option changed: {@code with(VllmOptions::inputLen, 512)}. */
  protected <T> R with(Records.Component<O, T> component, T value) {
    return copy(Records.with(options, component, value), settings);
  }
}
