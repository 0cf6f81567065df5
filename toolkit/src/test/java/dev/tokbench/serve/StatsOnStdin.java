package dev.tokbench.serve;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

/**
 * The scripted server's side of the overhead benchmark, when it runs in its own process: on each
 * {@code stats} line read from stdin it prints, and forgets, what it really wrote since the last
 * one: {@code written ttft_p50_ms=.. itl_p50_ms=.. ttft_n=.. itl_n=..}. Ends at end of input.
 */
final class StatsOnStdin implements Runnable {
  private final ScriptedSseServer server;

  StatsOnStdin(ScriptedSseServer server) {
    this.server = server;
  }

  @Override
  public void run() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.trim().equals("stats")) continue;
        List<Long> ttft = drain(server.writtenTtftNanos);
        List<Long> gaps = drain(server.writtenGapNanos);
        System.out.printf(
            Locale.ROOT,
            "written ttft_p50_ms=%.4f itl_p50_ms=%.4f ttft_n=%d itl_n=%d%n",
            median(ttft),
            median(gaps),
            ttft.size(),
            gaps.size());
        System.out.flush();
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Long> drain(Queue<Long> q) {
    List<Long> out = new ArrayList<>();
    for (Long v = q.poll(); v != null; v = q.poll()) out.add(v);
    return out;
  }

  static double median(List<Long> nanos) {
    if (nanos.isEmpty()) return Double.NaN;
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    int n = s.size();
    double mid = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
    return mid / 1e6;
  }
}
