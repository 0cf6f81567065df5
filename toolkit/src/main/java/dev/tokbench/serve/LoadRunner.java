package dev.tokbench.serve;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one level's requests through a {@link StreamingClient}: a closed loop starts the next
 * request from the completion of the last (no thread waits per request), an open loop sends each at
 * its seeded Poisson arrival time from one pacing thread. Every request ends as a record handed to
 * the sink as it finishes, so a killed run has written every finished request.
 */
final class LoadRunner {
  private LoadRunner() {}

  /**
   * What a level did: its start and its records in request order.
   *
   * @param t0 the first send, {@link System#nanoTime()}
   * @param started the first send, wall clock
   * @param records one per request, in the order of the requests given
   */
  record LevelRun(long t0, Instant started, List<RequestRecord> records) {}

  static LevelRun run(
      StreamingClient client, Level level, List<Prepared> requests, long seed, Sink sink)
      throws InterruptedException {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    AtomicReferenceArray<RequestRecord> out = new AtomicReferenceArray<>(requests.size());
    CountDownLatch done = new CountDownLatch(requests.size());
    Finish finish =
        (i, r) -> {
          out.set(i, r);
          sink.finished(t0, r);
          done.countDown();
        };
    try {
      if (level.isOpenLoop()) open(client, level.rate(), requests, seed, t0, finish);
      else closed(client, level.concurrency(), requests, finish);
      done.await();
    } catch (InterruptedException e) {
      client.abortAll("interrupted");
      throw e;
    }
    List<RequestRecord> records = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) records.add(out.get(i));
    return new LevelRun(t0, started, records);
  }

  private static void closed(
      StreamingClient client, int concurrency, List<Prepared> requests, Finish finish) {
    AtomicInteger next = new AtomicInteger();
    Runnable[] launch = new Runnable[1];
    launch[0] =
        () -> {
          int i = next.getAndIncrement();
          if (i >= requests.size()) return;
          client
              .send(requests.get(i))
              .thenAccept(
                  r -> {
                    finish.done(i, r);
                    launch[0].run(); // the slot is free: its next request goes now
                  });
        };
    for (int k = 0; k < Math.min(concurrency, requests.size()); k++) launch[0].run();
  }

  private static void open(
      StreamingClient client,
      double rate,
      List<Prepared> requests,
      long seed,
      long t0,
      Finish finish) {
    long[] at = arrivals(rate, requests.size(), seed);
    for (int i = 0; i < requests.size(); i++) {
      long due = t0 + at[i];
      for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
        LockSupport.parkNanos(left);
        if (Thread.currentThread().isInterrupted()) return; // the await below throws
      }
      int position = i;
      client.send(requests.get(i), due).thenAccept(r -> finish.done(position, r));
    }
  }

  /**
   * Arrival offsets, ns, of a Poisson process of {@code rate} per second: exponential gaps from a
   * seeded generator, the first request at 0 (all at 0 for an infinite rate). Unlike vLLM the gaps
   * are not rescaled to make the total exactly {@code n / rate}.
   */
  static long[] arrivals(double rate, int n, long seed) {
    long[] at = new long[n];
    if (Double.isInfinite(rate)) return at;
    SplittableRandom r = new SplittableRandom(seed);
    double t = 0;
    for (int i = 1; i < n; i++) {
      t += -Math.log(1 - r.nextDouble()) / rate;
      at[i] = (long) (t * 1e9);
    }
    return at;
  }

  /** Told of each request as it finishes, with the level's start ({@link System#nanoTime()}). */
  interface Sink {
    void finished(long t0, RequestRecord r);
  }

  /** Where a finished request goes: its position in the level's list, and its record. */
  private interface Finish {
    void done(int position, RequestRecord r);
  }

  /** For tests: the arrival offsets in seconds. */
  static List<Double> arrivalSeconds(double rate, int n, long seed) {
    return Arrays.stream(arrivals(rate, n, seed)).mapToObj(ns -> ns / 1e9).toList();
  }
}
