package dev.tokbench.energy;

import static dev.tokbench.energy.Fixtures.UTC;
import static dev.tokbench.energy.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * tegrastats logs: rails to channels, the board's input rail as the total, times from the lines.
 */
class TegraLogTest {
  @Test
  void timestampedLogGetsItsIntervalFromTheSecondTicksAndVddInAsTheTotal() {
    Trace trace = Traces.read(resource("orin-nano-jp6-250ms.tegrastats"), UTC);
    WindowEnergy e = trace.energy();

    assertThat(trace.description()).contains("250.0 ms apart", "inferred from 8 lines");
    assertThat(trace.channels()).containsExactly("VDD_IN", "VDD_CPU_GPU_CV", "VDD_SOC");
    // 5 intervals at 5 W, one ramp 5 -> 8 W, 5 intervals at 8 W, each 0.25 s
    assertThat(e.joules()).isCloseTo(0.25 * (5 * 5 + 6.5 + 5 * 8), within(1e-9));
    assertThat(e.seconds()).isCloseTo(2.75, within(1e-9));
    assertThat(e.peakW()).isEqualTo(8.0);
    assertThat(e.channels().get(1).inTotal()).isFalse();
    // anchored at the first tick (22:54:12) less two intervals: within one interval of 11.6
    assertThat(trace.start().epochMs())
        .isEqualTo(Instant.parse("2024-12-23T22:54:11.500Z").toEpochMilli());
    assertThat(trace.samples().get(0).readings().utilPct()).isEqualTo(1);
    assertThat(trace.samples().get(0).readings().tempC()).isEqualTo(61.687);
  }

  @Test
  void aLogWithoutTimestampsUsesTheGivenIntervalOrTegrastatsDefault() {
    Trace given =
        Traces.read(
            resource("tx2-l4t32-no-timestamps.tegrastats"),
            UTC.withInterval(Duration.ofMillis(500)));
    Trace assumed = Traces.read(resource("tx2-l4t32-no-timestamps.tegrastats"), UTC);

    // VDD_IN 14, 15, ... 21 W: a ramp, so the trapezoid is the mean 17.5 W times 7 intervals
    assertThat(given.energy().joules()).isCloseTo(17.5 * 3.5, within(1e-9));
    assertThat(assumed.energy().joules()).isCloseTo(17.5 * 7.0, within(1e-9));
    assertThat(assumed.description()).contains("tegrastats' default, assumed", "no timestamps");
  }

  @Test
  void anAgxOrinWithoutAnInputRailCountsTheSumOfItsRails() {
    TegraLine line =
        TegraLine.parse(
                "07-25-2026 09:08:28 RAM 20642/62817MB (lfb 1x2MB) EMC_FREQ 3%@3199 GR3D_FREQ"
                    + " 12%@[1300,1300] gpu@47.625C/47.625C VDD_GPU_SOC 5139mW/5139mW/5139mW"
                    + " VDD_CPU_CV 3268mW/3268mW/3268mW VIN_SYS_5V0 5500mW/5500mW/5500mW",
                ZoneOffset.UTC)
            .orElseThrow();

    var samples = line.samples(Stamp.ofEpochMs(0));

    assertThat(samples).allMatch(PowerSample::inTotal);
    assertThat(samples.stream().mapToDouble(PowerSample::watts).sum())
        .isCloseTo(13.907, within(1e-9));
    assertThat(line.readings().smMhz()).isEqualTo(1300);
    assertThat(line.epochMs().getAsLong())
        .isEqualTo(Instant.parse("2026-07-25T09:08:28Z").toEpochMilli());
  }

  @Test
  void aLineCutShortBeforeItsInputRailKeepsTheOtherRailsOutOfTheTotal() throws Exception {
    // found by fuzzing (crash-ab87360e): the cut line had only VDD_SOC, which then counted as
    // the board's total there and not elsewhere, and Trace.of threw IllegalArgumentException
    String full = " RAM 3162/7620MB VDD_IN 5000mW/5000mW VDD_SOC 1238mW/1237mW\n";
    String log =
        "12-23-2024 22:54:11"
            + full
            + "12-23-2024 22:54:12"
            + full
            + "12-23-2024 22:54:12 RAM 3162/7620MB VDD_SOC 1238mW/1237mW\n"
            + "12-23-2024 22:54:13"
            + full;

    Trace trace = Traces.read(new java.io.StringReader(log), "cut.tegrastats", UTC);

    assertThat(trace.samples())
        .filteredOn(s -> s.channel().equals("VDD_SOC"))
        .hasSize(4)
        .noneMatch(PowerSample::inTotal);
    assertThat(trace.samples())
        .filteredOn(s -> s.channel().equals("VDD_IN"))
        .hasSize(3)
        .allMatch(PowerSample::inTotal);
  }

  @Test
  void aTraceCsvWhoseChannelChangesItsTotalIsRefusedAtThatLine() {
    String csv =
        TraceCsv.HEADER + "\n1000,0,nvml,gpu0,1,200,,,,,,\n2000,1000000000,nvml,gpu0,0,210,,,,,,\n";

    assertThatThrownBy(() -> Traces.read(new java.io.StringReader(csv), "t.csv", UTC))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("t.csv:3: channel gpu0 changes source or in_total");
  }

  @Test
  void aFirstLineWhoseDateDoesNotExistIsRefusedAtLineOne() {
    String log = "12-63-2024 22:54:11 RAM 3162/7620MB VDD_IN 5000mW/5000mW\n";

    assertThatThrownBy(() -> Traces.read(new java.io.StringReader(log), "t.tegrastats", UTC))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("t.tegrastats:1: timestamp '12-63-2024 22:54:11' is not a date");
  }
}
