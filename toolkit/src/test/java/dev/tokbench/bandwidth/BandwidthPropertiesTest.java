package dev.tokbench.bandwidth;

import static dev.tokbench.testing.Properties.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The maths behind the report's bandwidth figures ("model_size × tok/s", "% of theoretical", the
 * decode ceiling), as properties over sizes from a few kB to a terabyte and rates from 0.01 to a
 * million tokens per second.
 */
class BandwidthPropertiesTest {
  private static final Gen<Double> SIZES = doubles().between(1e3, 1e12);
  private static final Gen<Double> RATES = doubles().between(0.01, 1e6);
  private static final Gen<Double> GB_PER_S = doubles().between(1, 10_000);
  private static final Gen<ByteUnit> UNITS =
      integers().between(0, ByteUnit.values().length - 1).map(i -> ByteUnit.values()[i]);

  @Test
  void anAmountInAUnitReadsBackInThatUnitAndParsesAsPrinted() {
    qt(500)
        .forAll(doubles().between(0, 1e6), UNITS)
        .checkAssert(
            (amount, unit) -> {
              Bytes b = Bytes.of(amount, unit);
              assertThat(b.in(unit)).isCloseTo(amount, within(amount * 1e-12));
              String printed = String.format(Locale.ROOT, "%.6f %s", amount, unit.symbol());
              assertThat(Bytes.parse(printed).bytes()).isCloseTo(b.bytes(), within(unit.bytes()));
            });
  }

  @Test
  void binaryUnitsAreLargerThanTheirDecimalNamesakesByPowersOf1024Over1000() {
    qt(200)
        .forAll(doubles().between(0, 1e6))
        .checkAssert(
            x -> {
              assertThat(Bytes.of(x, ByteUnit.GIB).bytes())
                  .isCloseTo(Bytes.of(x * 1.073741824, ByteUnit.GB).bytes(), withPercentage(1e-9));
              assertThat(Bytes.of(x, ByteUnit.MIB).in(ByteUnit.KIB))
                  .isCloseTo(x * 1024, withPercentage(1e-9));
            });
  }

  @Test
  void effectiveBandwidthIsSizeTimesRateAndGrowsWithEach() {
    qt(500)
        .forAll(SIZES, RATES, doubles().between(1.0, 10.0))
        .checkAssert(
            (size, rate, factor) -> {
              Bandwidth bw = Bandwidth.effective(new Bytes(size), rate);
              assertThat(bw.bytesPerS()).isCloseTo(size * rate, withPercentage(1e-9));
              assertThat(Bandwidth.effective(new Bytes(size), rate * factor).bytesPerS())
                  .isGreaterThanOrEqualTo(bw.bytesPerS());
              assertThat(Bandwidth.effective(new Bytes(size * factor), rate).bytesPerS())
                  .isGreaterThanOrEqualTo(bw.bytesPerS());
            });
  }

  @Test
  void percentOfTheoreticalIsProportionalAndOneHundredAtTheCeiling() {
    qt(500)
        .forAll(SIZES, GB_PER_S, doubles().between(0.01, 1.0))
        .checkAssert(
            (size, gbPerS, fraction) -> {
              Bandwidth theoretical = Bandwidth.gbPerS(gbPerS);
              Bytes perToken = new Bytes(size);
              double ceiling = theoretical.tokensPerSCeiling(perToken);
              assertThat(Bandwidth.effective(perToken, ceiling).percentOf(theoretical))
                  .isCloseTo(100, within(1e-9));
              assertThat(Bandwidth.effective(perToken, fraction * ceiling).percentOf(theoretical))
                  .isCloseTo(100 * fraction, within(1e-9));
            });
  }

  @Test
  void gigabytesAndTerabytesPerSecondAreDecimal() {
    qt(200)
        .forAll(GB_PER_S)
        .checkAssert(
            gb -> {
              assertThat(Bandwidth.gbPerS(gb).gbPerS()).isCloseTo(gb, withPercentage(1e-12));
              assertThat(Bandwidth.tbPerS(gb / 1000).bytesPerS())
                  .isCloseTo(Bandwidth.gbPerS(gb).bytesPerS(), withPercentage(1e-12));
            });
  }
}
