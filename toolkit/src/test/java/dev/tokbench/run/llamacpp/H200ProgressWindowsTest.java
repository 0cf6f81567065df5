package dev.tokbench.run.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tokbench.energy.Window;
import dev.tokbench.results.BenchResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The per-repetition rule on a real capture (H200, 2026-12-01 17:11 UTC, resources
 * energy/h200-2026-12-01/progress/, written by its {@code progress_capture.py}): llama-bench 8B
 * Q4_K_M {@code -p 512 -n 128 -r 5 -ngl 99 -fa 1 --progress -o jsonl}, every output line stamped
 * with {@code time.time_ns()} as it arrived, NVML's total-energy counter read every 20 ms.
 */
class H200ProgressWindowsTest {
  private static final Path DIR = resource("energy/h200-2026-12-01/progress");
  private static final long COUNTER_PERIOD_NS = 100_000_000L;

  @Test
  void theH200sEnergyCounterMovesEvery100Milliseconds() throws IOException {
    Counter c = Counter.read(DIR.resolve("nvml.csv"));
    List<Long> gaps = new ArrayList<>();
    int last = 0;
    for (int i = 1; i < c.ns().length; i++) {
      if (c.joules()[i] != c.joules()[last]) {
        gaps.add(c.ns()[i] - c.ns()[last]);
        last = i;
      }
    }
    List<Long> sorted = gaps.stream().sorted().toList();
    long median = sorted.get(sorted.size() / 2);
    assertThat(c.ns()).hasSize(379); // read every 20 ms, 7.6 s
    assertThat(median).isBetween(90_000_000L, 110_000_000L);
  }

  @Test
  void eachRepetitionGetsItsOwnWindowInsideItsTestAndTheCounterAgreesWithTheWhole()
      throws IOException {
    ProgressStamps stamps = new ProgressStamps();
    List<Long> arrivals = new ArrayList<>();
    for (String l : Files.readAllLines(DIR.resolve("lines.tsv"))) {
      String[] f = l.split("\t", 3);
      long ns = Long.parseLong(f[0]);
      if (f[1].equals("stderr")) stamps.accept(f[2], ns);
      else arrivals.add(ns);
    }
    List<BenchResult> rows = LlamaBench.parse(DIR.resolve("stdout.jsonl"));
    assertThat(rows).extracting(BenchResult::test).containsExactly("pp512", "tg128");
    assertThat(arrivals).hasSize(2);
    Counter nvml = Counter.read(DIR.resolve("nvml.csv"));
    long previousEnd = 0;
    for (int i = 0; i < rows.size(); i++) {
      BenchResult row = rows.get(i);
      List<Long> samplesNs =
          Stream.of(row.extra().get("samples_ns").split(";")).map(Long::parseLong).toList();
      ProgressStamps.Windows w =
          stamps.windows(i + 1, row, samplesNs, arrivals.get(i)).orElseThrow();
      assertThat(w.perRep()).hasSize(5);
      assertThat(w.warmup()).isPresent();
      double sum = 0;
      for (int r = 0; r < 5; r++) {
        Window rep = w.perRep().get(r);
        // in order, not overlapping, and each as long as llama-bench timed it
        assertThat(rep.startNs()).isGreaterThanOrEqualTo(previousEnd);
        assertThat(rep.nanos()).isEqualTo(samplesNs.get(r));
        assertThat(rep.endNs()).isLessThanOrEqualTo(arrivals.get(i));
        previousEnd = rep.endNs();
        double joules = nvml.joules(rep);
        sum += joules;
        // the counter moves every 100 ms: a pp512 repetition (54 ms) is too short for it, a
        // tg128 repetition (0.48 s) is not
        if (rep.nanos() > 4 * COUNTER_PERIOD_NS) {
          assertThat(joules / rep.seconds()).as(row.test() + " rep " + r).isBetween(75.0, 700.0);
        }
      }
      if (w.perRep().get(0).nanos() < COUNTER_PERIOD_NS) continue;
      // the repetitions hold the test's energy: from the first start to the last end, less the
      // gaps between repetitions (llama-bench's own work between them), which are short
      Window whole = new Window(w.perRep().get(0).startNs(), w.perRep().get(4).endNs());
      assertThat(sum / nvml.joules(whole)).as(row.test()).isCloseTo(1.0, within(0.1));
    }
  }

  /** NVML's total-energy counter (millijoules) against time, interpolated between reads. */
  private record Counter(long[] ns, double[] joules) {
    static Counter read(Path csv) throws IOException {
      List<String> lines = Files.readAllLines(csv);
      long[] t = new long[lines.size() - 1];
      double[] j = new double[lines.size() - 1];
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",");
        t[i - 1] = Long.parseLong(f[0]);
        j[i - 1] = Long.parseLong(f[1]) / 1000.0;
      }
      return new Counter(t, j);
    }

    double at(long when) {
      int i = 1;
      while (i < ns.length - 1 && ns[i] < when) i++;
      double f = (double) (when - ns[i - 1]) / (ns[i] - ns[i - 1]);
      return joules[i - 1] + f * (joules[i] - joules[i - 1]);
    }

    double joules(Window w) {
      assertThat(w.startNs()).isGreaterThan(ns[0]);
      assertThat(w.endNs()).isLessThan(ns[ns.length - 1]);
      return at(w.endNs()) - at(w.startNs());
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(H200ProgressWindowsTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
