package dev.tokbench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads the files of a folder several at a time, for the results in the files' order: a fleet's
 * folder is one large results file per host, and reading is a third of {@code report}'s time and
 * most of {@code compare}'s. At most {@link #THREADS} files are read at once (each is its text and
 * its rows while it is read, so a small heap holds them). A file that cannot be read throws its
 * error when its turn comes, so what a caller sees is what reading one file after another shows.
 */
final class ReadAhead {
  /** Files read at once: the cores, at most four. */
  static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private ReadAhead() {}

  /** {@code read} of each file, in order. */
  static <T> List<T> inOrder(List<Path> files, Function<Path, T> read) {
    if (files.size() < 2 || THREADS < 2) return files.stream().map(read).toList();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(THREADS, files.size()),
            r -> {
              Thread t = new Thread(r, "tokbench-read");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> pending = new ArrayList<>();
      for (Path f : files) pending.add(pool.submit(() -> read.apply(f)));
      List<T> out = new ArrayList<>(files.size());
      for (Future<T> f : pending) out.add(result(f));
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T result(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a data folder", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }
}
