package dev.tokbench.energy;

import static dev.tokbench.energy.Fixtures.UTC;
import static dev.tokbench.energy.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows' windows by each framework's rule, their joules gross and net of idle, and their flags. */
class AttributionTest {
  private static final long S = 1_000_000_000L;
  private static final long MS = 1_000_000L;

  /** 80 W idle until 3 s, then 300 W until 20 s, sampled every 100 ms; baseline 0.5-2.5 s. */
  private static Measurement stepAt3s() {
    List<PowerSample> s = new ArrayList<>();
    for (long t = 0; t <= 20 * S; t += 100 * MS) {
      s.add(IntegrationMathsTest.at(t, "gpu0", t < 3 * S ? 80 : 300));
    }
    return new Measurement(
        s,
        List.of(),
        Duration.ofMillis(100),
        new Window(S / 2, 5 * S / 2),
        new Window(3 * S, 20 * S),
        200,
        0);
  }

  @Test
  void aLlamaBenchRowsWindowEndsAtItsArrivalAndLastsItsSamples() {
    Measurement m = stepAt3s();
    TimedRow pp = TimedRow.llamaBench("pp512", 8 * S, List.of(S, S, S), 512, 0);

    Energy e = m.attribute(List.of(pp)).get(0).total();

    assertThat(e.seconds()).isCloseTo(3.0, within(1e-12));
    assertThat(e.joules()).isCloseTo(900, within(1e-9));
    assertThat(e.idleW()).isCloseTo(80, within(1e-9));
    assertThat(e.netJoules()).isCloseTo(900 - 240, within(1e-9));
    assertThat(e.tokens()).isEqualTo(1536);
    assertThat(e.joulesPerToken()).isCloseTo(900 / 1536.0, within(1e-12));
    assertThat(e.tokensPerJoule()).isCloseTo(1536 / 900.0, within(1e-12));
    assertThat(e.flags()).containsExactly(EnergyFlag.BACK_TO_BACK);
    assertThat(e.fields(""))
        .containsEntry("energy_j", "900.000")
        .containsEntry("energy_flag", "back-to-back");
  }

  @Test
  void progressStampsSplitAPgTestIntoItsPromptAndGenerationParts() {
    Measurement m = stepAt3s();
    // two repetitions: prompt 0.5 s then generation 1.5 s each
    TimedRow pg =
        TimedRow.llamaBenchWithProgress(
            "pp512+tg128",
            List.of(4 * S, 7 * S),
            List.of(4 * S + S / 2, 7 * S + S / 2),
            List.of(2 * S, 2 * S),
            512,
            128);

    RowEnergy row = m.attribute(List.of(pg)).get(0);

    assertThat(row.phases()).containsOnlyKeys(Phase.PROMPT, Phase.GENERATION);
    assertThat(row.phases().get(Phase.PROMPT).joules()).isCloseTo(300, within(1e-9));
    assertThat(row.phases().get(Phase.PROMPT).tokens()).isEqualTo(1024);
    assertThat(row.phases().get(Phase.GENERATION).joules()).isCloseTo(900, within(1e-9));
    assertThat(row.total().exact()).isTrue();
    assertThat(row.fields()).containsKeys("energy_j", "pp_energy_j", "tg_j_per_tok");
  }

  @Test
  void tinygradTokensShorterThanAPeriodAddUpToAnUnflaggedFigure() {
    Measurement m = stepAt3s();
    List<Long> arrivals = new ArrayList<>();
    List<Long> nanos = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      arrivals.add(10 * S + i * 20 * MS);
      nanos.add(20 * MS);
    }

    Energy e = m.attribute(List.of(TimedRow.tokens("tinygrad", arrivals, nanos))).get(0).total();

    assertThat(e.seconds()).isCloseTo(2.0, within(1e-9));
    assertThat(e.joules()).isCloseTo(600, within(1e-6));
    assertThat(e.tokens()).isEqualTo(100);
    assertThat(e.flags()).isEmpty();
  }

  @Test
  void aShortOrOverlappingRowIsFlagged() {
    Measurement m = stepAt3s();
    TimedRow a = TimedRow.llamaBench("tg8", 5 * S, List.of(300 * MS), 0, 8);
    TimedRow b = TimedRow.llamaBench("tg128", 6 * S, List.of(2 * S), 0, 128);

    List<RowEnergy> rows = m.attribute(List.of(a, b));

    assertThat(rows.get(0).total().flags()).containsExactly(EnergyFlag.SHORT);
    assertThat(rows.get(1).total().flags()).containsExactly(EnergyFlag.OVERLAPS);
  }

  @Test
  void theH200BatchedRunsPerTokenNetOfItsIdle80W() throws Exception {
    Trace trace = Traces.read(resource("h200-batched-power.csv"), UTC);
    List<Instant> marks = Fixtures.h200Marks();
    long m0 = trace.monoAt(marks.get(0));
    long m1 = trace.monoAt(marks.get(1));
    long m2 = trace.monoAt(marks.get(2));
    Measurement m =
        new Measurement(
            trace.samples(),
            List.of(),
            Duration.ofMillis(100),
            new Window(trace.span().startNs(), m0),
            new Window(m0, m2),
            0,
            0);
    // the runs' own token counts are in batched-*.jsonl; a round 1,000 tokens keeps this checkable
    TimedRow b8 =
        new TimedRow(
            "8B",
            List.of(new Segment(Phase.GENERATION, new Window(m0, m1), 1000)),
            java.util.Set.of());

    Energy e = m.attribute(List.of(b8)).get(0).total();

    assertThat(e.idleW()).isCloseTo(80.24, within(0.01));
    assertThat(e.joules()).isCloseTo(10409.79, within(0.01));
    assertThat(e.netJoules()).isCloseTo(e.joules() - e.idleW() * e.seconds(), within(1e-9));
    assertThat(e.netJoules()).isCloseTo(8434.79, within(0.01));
    assertThat(e.joulesPerToken()).isCloseTo(10.40979, within(1e-5));
    assertThat(e.flags()).isEmpty();
  }
}
