package dev.tokbench.kernel;

import dev.tokbench.BadInputException;
import dev.tokbench.kernel.maven.Coordinate;
import dev.tokbench.kernel.maven.Maven;
import dev.tokbench.notebook.CellListener;
import dev.tokbench.notebook.CellResult;
import dev.tokbench.notebook.Evaluator;
import dev.tokbench.notebook.MagicException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The line magics the kernel adds to the evaluator's: {@code %time} and {@code %maven}. {@code
 * tokbench notebook run} registers them too, so a notebook runs alike in both.
 */
public final class KernelMagics {
  private KernelMagics() {}

  /** Registers {@code %time} and {@code %maven} (resolving with {@code maven}). */
  public static void registerInto(Evaluator evaluator, Maven maven) {
    evaluator.magics().register("time", KernelMagics::time);
    evaluator.magics().register("maven", (ev, args, out) -> maven(ev, args, maven));
  }

  /**
   * {@code %maven group:artifact:version ...}: resolves the artifacts and their runtime
   * dependencies (into and from the local repository) and adds the jars to the cells' class path,
   * as {@code %jars} does.
   */
  static Object maven(Evaluator evaluator, String args, Maven maven) {
    if (args.isBlank()) {
      throw new MagicException(
          "%maven needs at least one group:artifact:version, e.g. %maven"
              + " org.apache.commons:commons-math3:3.6.1");
    }
    List<Coordinate> coordinates;
    try {
      coordinates = Arrays.stream(args.trim().split("\\s+")).map(Coordinate::parse).toList();
    } catch (BadInputException e) {
      throw new MagicException("%maven: " + e.getMessage());
    }
    List<Path> jars = resolveUnlessStopped(evaluator, maven, coordinates);
    // a pom (%maven group:bom:1.0@pom) brings its dependencies; the pom itself is no class path
    // entry
    jars.stream().filter(p -> p.toString().endsWith(".jar")).forEach(evaluator::addToClasspath);
    return null;
  }

  /**
   * Resolves on a thread of its own and waits for it, giving up when the cell is interrupted: a
   * download runs outside JShell, where its stop cannot reach. (A blocked socket read ignores
   * thread interrupts, so the abandoned resolution ends when its request times out.)
   */
  private static List<Path> resolveUnlessStopped(
      Evaluator evaluator, Maven maven, List<Coordinate> coordinates) {
    CompletableFuture<List<Path>> resolving = new CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                resolving.complete(maven.resolve(coordinates));
              } catch (RuntimeException | Error e) {
                resolving.completeExceptionally(e);
              }
            },
            "tokbench-maven");
    worker.setDaemon(true);
    worker.start();
    while (true) {
      try {
        return resolving.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (evaluator.stopping()) {
          worker.interrupt();
          throw new MagicException("%maven: stopped while resolving " + coordinates);
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof BadInputException bad) {
          throw new MagicException("%maven: " + bad.getMessage());
        }
        throw new IllegalStateException("%maven failed: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MagicException("%maven: interrupted while resolving " + coordinates);
      }
    }
  }

  /**
   * {@code %time code}: runs the rest of the line and prints its wall time, as IPython's {@code
   * %time} does; the value of the code is the magic's value.
   */
  static Object time(Evaluator evaluator, String code, CellListener listener) {
    if (code.isBlank()) {
      throw new MagicException("%time needs code to run, e.g. %time Thread.sleep(100)");
    }
    long start = System.nanoTime();
    CellResult result = evaluator.evalCode(code, listener);
    double millis = (System.nanoTime() - start) / 1e6;
    listener.stdout(String.format(Locale.ROOT, "Wall time: %.1f ms%n", millis));
    if (!result.ok()) {
      throw new MagicException("%time: " + result.error().orElseThrow());
    }
    return result.rawValue();
  }
}
