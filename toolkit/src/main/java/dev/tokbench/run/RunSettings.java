package dev.tokbench.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What every launched run ({@link LlamaBench}, {@link Tinygrad}, {@link VllmRun}, {@link MlcRun})
 * lets you set the same way, so that a sweep file or the command line sets them in one place.
 *
 * @param <R> the run itself, returned for chaining
 */
public interface RunSettings<R extends RunSettings<R>> {
  /** More arguments for the benchmark program, after the ones the run builds. */
  R arg(String... args);

  /** An environment variable for the process, such as {@code CUDA_VISIBLE_DEVICES=0}. */
  R env(String name, String value);

  /** When the process tree is killed and the run recorded as failed. */
  R timeout(Duration t);

  /** A file for both output streams, each line tagged with its stream; null for none. */
  R log(Path file);

  /** The machine's provenance to put on rows, instead of {@link Machine#describe()} at run time. */
  R machine(Map<String, String> description);
}
