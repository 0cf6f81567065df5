package dev.tokbench.energy;

import static dev.tokbench.energy.Fixtures.UTC;
import static dev.tokbench.energy.Fixtures.resource;
import static dev.tokbench.energy.Fixtures.unix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real nvidia-smi traces from an H100 and an H200, measured phase by phase. Each phase's joules are
 * checked against an independent trapezoid over the same rows (a plain loop below) and against the
 * plain mean of the samples times the duration, which for 100 ms sampling must agree within 1 %.
 */
class TraceFilesTest {
  @TempDir Path dir;

  /** (seconds, watts) of one column, read without tokbench's reader. */
  private static List<double[]> column(Path csv, int col) throws Exception {
    List<double[]> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(csv);
    for (String l : lines.subList(1, lines.size())) {
      String[] c = l.split(",");
      Instant t =
          java.time.LocalDateTime.parse(c[0].trim().replace('/', '-').replace(' ', 'T'))
              .toInstant(java.time.ZoneOffset.UTC);
      out.add(
          new double[] {
            t.toEpochMilli() / 1000.0, Double.parseDouble(c[col].trim().split(" ")[0])
          });
    }
    return out;
  }

  /** The trapezoid of piecewise-linear power from a to b, the hand-checkable way. */
  private static double trapezoid(List<double[]> s, double a, double b) {
    double sum = 0;
    for (int i = 0; i + 1 < s.size(); i++) {
      double x0 = s.get(i)[0], w0 = s.get(i)[1], x1 = s.get(i + 1)[0], w1 = s.get(i + 1)[1];
      double lo = Math.max(a, x0), hi = Math.min(b, x1);
      if (hi <= lo) continue;
      double wl = w0 + (w1 - w0) * (lo - x0) / (x1 - x0);
      double wh = w0 + (w1 - w0) * (hi - x0) / (x1 - x0);
      sum += (hi - lo) * (wl + wh) / 2;
    }
    return sum;
  }

  private static double plainMean(List<double[]> s, double a, double b) {
    return s.stream()
        .filter(x -> x[0] >= a && x[0] <= b)
        .mapToDouble(x -> x[1])
        .average()
        .orElseThrow();
  }

  private static Instant phase(String probe, String name, String edge) {
    Matcher m = Pattern.compile("phase " + name + " " + edge + " (\\S+)").matcher(probe);
    if (!m.find()) throw new IllegalStateException("no phase " + name);
    return unix(m.group(1));
  }

  @Test
  void h100CopyAndMatmulPhasesGetTheirJoules() throws Exception {
    Trace trace = Traces.read(resource("h100-telemetry.csv"), UTC);
    String probe = Files.readString(resource("h100-probe.txt"));
    List<double[]> rows = column(resource("h100-telemetry.csv"), 1);

    for (String name : List.of("copy-load", "matmul")) {
      Instant from = phase(probe, name, "start");
      Instant to = phase(probe, name, "end");
      double a = from.toEpochMilli() / 1000.0 + (from.getNano() % 1_000_000) / 1e9;
      double b = to.toEpochMilli() / 1000.0 + (to.getNano() % 1_000_000) / 1e9;

      WindowEnergy e = trace.energy(trace.window(from, to));

      assertThat(e.joules()).isCloseTo(trapezoid(rows, a, b), within(1e-4));
      assertThat(e.joules()).isCloseTo(plainMean(rows, a, b) * (b - a), within(0.01 * e.joules()));
      assertThat(e.seconds()).isCloseTo(b - a, within(1e-6));
      assertThat(e.exact()).isTrue();
    }
    // the worked example of docs/energy.md: copy 3,623 J at 383 W, matmul 5,802 J at 656 W
    WindowEnergy matmul =
        trace.energy(trace.window(phase(probe, "matmul", "start"), phase(probe, "matmul", "end")));
    assertThat(matmul.joules()).isCloseTo(5801.7, within(0.1));
    assertThat(matmul.peakW()).isEqualTo(714.01);
    assertThat(matmul.samples()).isEqualTo(88);
  }

  @Test
  void h200BatchedRunsAreMeasuredOnTheInstantColumnWithUnitsInCells() throws Exception {
    Trace trace = Traces.read(resource("h200-batched-power.csv"), UTC);
    List<Instant> marks = Fixtures.h200Marks();
    List<double[]> instant = column(resource("h200-batched-power.csv"), 2);
    double[] m = marks.stream().mapToDouble(i -> i.getEpochSecond() + i.getNano() / 1e9).toArray();

    WindowEnergy idle = trace.energy(trace.window(null, marks.get(0)));
    WindowEnergy b8 = trace.energy(trace.window(marks.get(0), marks.get(1)));
    WindowEnergy b1 = trace.energy(trace.window(marks.get(1), marks.get(2)));

    assertThat(trace.description()).contains("power.draw.instant integrated");
    assertThat(b8.joules()).isCloseTo(trapezoid(instant, m[0], m[1]), within(1e-3));
    assertThat(b1.joules()).isCloseTo(trapezoid(instant, m[1], m[2]), within(1e-3));
    assertThat(b8.joules())
        .isCloseTo(plainMean(instant, m[0], m[1]) * (m[1] - m[0]), within(0.01 * b8.joules()));
    assertThat(idle.meanW()).isCloseTo(80.2, within(0.1));
    assertThat(b8.joules()).isCloseTo(10409.8, within(0.1));
    assertThat(b1.joules()).isCloseTo(2359.1, within(0.1));
  }

  @Test
  void theOneSecondAverageColumnCanBeChosenAndLagsTheInstantOne() throws Exception {
    Trace average =
        Traces.read(resource("h200-batched-power.csv"), UTC.withPowerColumn("power.draw"));
    Trace instant = Traces.read(resource("h200-batched-power.csv"), UTC);
    Instant start = unix("1796113515.462683060");
    Instant end8b = unix("1796113540.076845691");

    double avg = average.energy(average.window(start, end8b)).joules();
    double inst = instant.energy(instant.window(start, end8b)).joules();

    // the average trails the load by about a second: it misses part of the ramp at the start
    assertThat(avg).isCloseTo(10286.0, within(0.1));
    assertThat(inst - avg).isBetween(0.0, 0.02 * inst);
  }

  @Test
  void severalGpusAreChannelsByIndexAndRowsWithoutAValueAreSkipped() throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("two.csv"),
            String.join(
                "\n",
                "index, timestamp, power.draw [W]",
                "0, 2026/11/25 04:09:00.000, 100.00",
                "1, 2026/11/25 04:09:00.001, 300.00",
                "0, 2026/11/25 04:09:01.000, 100.00",
                "1, 2026/11/25 04:09:01.001, [N/A]",
                "1, 2026/11/25 04:09:02.001, 300.00",
                "0, 2026/11/25 04:09:02.000, 100.00",
                ""));

    Trace trace = Traces.read(csv, UTC);
    WindowEnergy e = trace.energy();

    assertThat(trace.channels()).containsExactly("gpu0", "gpu1");
    assertThat(e.joules()).isCloseTo(200 + 600, within(1e-9));
    assertThat(trace.description()).contains("1 rows without a value skipped");
  }

  @Test
  void tokbenchsOwnTraceRoundTrips() throws Exception {
    Trace original = Traces.read(resource("h100-telemetry.csv"), UTC);
    Path out = dir.resolve("t.csv");
    try (var w = Files.newBufferedWriter(out)) {
      TraceCsv.writeHeader(w);
      for (PowerSample s : original.samples()) TraceCsv.write(w, s);
    }

    Trace back = Traces.read(out);

    assertThat(back.samples()).hasSize(original.samples().size());
    assertThat(back.energy().joules()).isCloseTo(original.energy().joules(), within(1e-6));
    assertThat(back.samples().get(5).readings()).isEqualTo(original.samples().get(5).readings());
    assertThat(back.description()).isEqualTo("tokbench trace from nvidia-smi");
  }

  @Test
  void badTracesSayWhatAndWhere() throws Exception {
    assertThatThrownBy(() -> read("hello\nworld\n"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("x.csv:1: not a power trace");
    assertThatThrownBy(
            () -> read("timestamp, power.draw [W]\n2026/11/25 04:09:00.000, 1\nnow, 5\n"))
        .hasMessageContaining("x.csv:3: timestamp 'now' is not nvidia-smi's");
    assertThatThrownBy(() -> read("timestamp, power.draw [W]\n2026/11/25 04:09:00.000\n"))
        .hasMessageContaining("x.csv:2: expected 2 cells");
    assertThatThrownBy(() -> read("timestamp, power.draw [W]\n"))
        .hasMessageContaining("no power.draw readings");
    assertThatThrownBy(() -> read(TraceCsv.HEADER + "\n1,2,nvml,gpu0,1,,,,,,,\n"))
        .hasMessageContaining("x.csv:2: a sample of gpu0 needs a power or an energy reading");
    assertThatThrownBy(() -> read("x".repeat(BoundedLines.MAX_CHARS + 1)))
        .hasMessageContaining("x.csv:1: line longer than");
    assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
  }

  private static Trace read(String text) throws Exception {
    return Traces.read(new StringReader(text), "x.csv", UTC);
  }
}
