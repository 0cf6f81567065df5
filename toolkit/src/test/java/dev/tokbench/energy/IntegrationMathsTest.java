package dev.tokbench.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The integration maths on traces built from known power curves: constant power gives P×T exactly,
 * the trapezoidal rule is exact on piecewise-linear power, a counter gives its difference, and each
 * inexact window is flagged.
 */
class IntegrationMathsTest {
  private static final long MS = 1_000_000L;
  private final Random random = new Random(17);

  static PowerSample at(long ns, String channel, double watts) {
    return new PowerSample(
        new Stamp(ns / MS, ns), "test", channel, true, watts, Double.NaN, Readings.NONE);
  }

  /** Samples every {@code periodMs} of {@code power(t seconds)}, with jitter of up to 30 %. */
  private Trace sampled(int n, long periodMs, java.util.function.DoubleUnaryOperator power) {
    List<PowerSample> s = new ArrayList<>();
    long t = 1_000 * MS;
    for (int i = 0; i < n; i++) {
      s.add(at(t, "gpu0", power.applyAsDouble(t / 1e9)));
      t += periodMs * MS + (long) (random.nextDouble() * 0.3 * periodMs * MS);
    }
    return Trace.of(s);
  }

  private Window randomWindowIn(Window span) {
    long a = span.startNs() + (long) (random.nextDouble() * span.nanos());
    long b = a + (long) (random.nextDouble() * (span.endNs() - a));
    return new Window(a, b);
  }

  @Test
  void constantPowerGivesPowerTimesDurationOverAnyWindow() {
    Trace trace = sampled(200, 100, t -> 250.0);
    for (int k = 0; k < 100; k++) {
      Window w = randomWindowIn(trace.span());
      WindowEnergy e = trace.energy(w);
      assertThat(e.joules()).isCloseTo(250.0 * w.seconds(), within(1e-9 * (1 + w.seconds())));
      assertThat(e.meanW()).isCloseTo(250.0, within(1e-9));
      assertThat(e.peakW()).isEqualTo(250.0);
    }
  }

  @Test
  void trapezoidIsExactOnALinearRamp() {
    // P(t) = 50 + 20 t: the integral from a to b is 50 (b - a) + 10 (b² - a²)
    Trace trace = sampled(300, 100, t -> 50 + 20 * t);
    for (int k = 0; k < 100; k++) {
      Window w = randomWindowIn(trace.span());
      double a = w.startNs() / 1e9;
      double b = w.endNs() / 1e9;
      double exact = 50 * (b - a) + 10 * (b * b - a * a);
      assertThat(trace.energy(w).joules()).isCloseTo(exact, within(1e-6 * (1 + exact)));
    }
  }

  @Test
  void piecewiseLinearPowerIsIntegratedExactlyAcrossItsKinks() {
    // 100 W, a step up to 400 W over one sample period, then 400 W: 2 s × 100 + 0.1 × 250 + 2 × 400
    List<PowerSample> s = new ArrayList<>();
    for (int i = 0; i <= 20; i++) s.add(at(i * 100 * MS, "gpu0", 100));
    for (int i = 21; i <= 41; i++) s.add(at(i * 100 * MS, "gpu0", 400));

    WindowEnergy e = Trace.of(s).energy();

    assertThat(e.joules()).isCloseTo(200 + 25 + 800, within(1e-9));
    assertThat(e.seconds()).isCloseTo(4.1, within(1e-12));
    assertThat(e.peakW()).isEqualTo(400);
    assertThat(e.samples()).isEqualTo(42);
    assertThat(e.exact()).isTrue();
  }

  @Test
  void anEnergyCounterIsMeasuredByItsInterpolatedDifference() {
    // a counter advancing 0.5 J per 10 ms (50 W) read every 100 ms, power reading noisy
    List<PowerSample> s = new ArrayList<>();
    for (int i = 0; i <= 50; i++) {
      double noisy = 50 + (i % 2 == 0 ? 30 : -30);
      s.add(
          new PowerSample(
              new Stamp(i * 100, i * 100 * MS),
              "nvml",
              "gpu0",
              true,
              noisy,
              1000 + 5.0 * i,
              Readings.NONE));
    }
    Trace trace = Trace.of(s);

    WindowEnergy e = trace.energy(new Window(250 * MS, 1_250 * MS));

    assertThat(e.joules()).isCloseTo(50.0, within(1e-9));
    assertThat(e.channels().get(0).counter()).isTrue();
    assertThat(e.channels().get(0).method()).isEqualTo("energy counter difference");
  }

  @Test
  void channelsInTheTotalAreSummedAndPartsAreNot() {
    List<PowerSample> s = new ArrayList<>();
    for (int i = 0; i <= 30; i++) {
      long t = i * 100 * MS;
      s.add(at(t, "gpu0", 300));
      s.add(at(t + 37 * MS, "gpu1", 100)); // sampled at other times
      s.add(
          new PowerSample(
              new Stamp(t / MS, t), "test", "core", false, 40, Double.NaN, Readings.NONE));
    }
    Window w = new Window(500 * MS, 2_500 * MS);

    WindowEnergy e = Trace.of(s).energy(w);

    assertThat(e.joules()).isCloseTo(400 * 2.0, within(1e-9));
    assertThat(e.peakW()).isCloseTo(400, within(1e-9));
    assertThat(e.channels())
        .extracting(ChannelEnergy::channel)
        .containsExactly("gpu0", "gpu1", "core");
    assertThat(e.channels().get(2).joules()).isCloseTo(80, within(1e-9));
  }

  @Test
  void shortClippedAndEmptyWindowsAreFlaggedNotReportedAsExact() {
    Trace trace = sampled(50, 100, t -> 120.0);
    Window span = trace.span();

    WindowEnergy shortOne = trace.energy(new Window(span.startNs(), span.startNs() + 300 * MS));
    WindowEnergy between = trace.energy(new Window(span.startNs() + MS, span.startNs() + 2 * MS));
    WindowEnergy past =
        trace.energy(new Window(span.endNs() - 2_000 * MS, span.endNs() + 1_000 * MS));
    WindowEnergy outside = trace.energy(new Window(span.endNs() + MS, span.endNs() + 9 * MS));

    assertThat(shortOne.flags()).contains(EnergyFlag.SHORT);
    assertThat(between.flags()).contains(EnergyFlag.SHORT, EnergyFlag.NO_SAMPLE_INSIDE);
    assertThat(between.joules()).isCloseTo(120 * 0.001, within(1e-9));
    assertThat(past.flags()).containsExactly(EnergyFlag.CLIPPED);
    assertThat(past.seconds()).isCloseTo(2.0, within(1e-9));
    assertThat(outside.flags()).containsExactly(EnergyFlag.NOT_COVERED);
    assertThat(outside.joules()).isNaN();
    assertThat(shortOne.flagCodes()).isEqualTo("short");
  }

  @Test
  void samplesOutOfOrderAreSortedAndAChannelMixingSourcesIsRefused() {
    List<PowerSample> s =
        new ArrayList<>(List.of(at(200 * MS, "gpu0", 10), at(100 * MS, "gpu0", 10)));
    assertThat(Trace.of(s).energy().joules()).isCloseTo(1.0, within(1e-12));

    s.add(new PowerSample(new Stamp(0, 0), "other", "gpu0", true, 1, Double.NaN, Readings.NONE));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Trace.of(s))
        .hasMessageContaining("gpu0 mixes sources");
  }
}
