package dev.tokbench.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BytesTest {
  @Test
  void llamaBenchMebibytesAreBinaryAndReportGigabytesDecimal() {
    // llama-bench printed "967.00 MiB" (two decimals) for the H100 1B Q6_K: 1013968896 bytes
    assertThat(Bytes.parse("967.00 MiB").bytes())
        .isCloseTo(1013968896, within(0.005 * 1024 * 1024));
    assertThat(Bytes.parse("2.45 GiB").in(ByteUnit.GB)).isCloseTo(2.63, within(0.005));
    assertThat(Bytes.gb(1.04).bytes()).isEqualTo(1.04e9);
  }

  @Test
  void unknownUnitNamesTheKnownOnes() {
    assertThatThrownBy(() -> Bytes.parse("12 GBs"))
        .isInstanceOf(UnknownUnitException.class)
        .hasMessageContaining("'GBs'")
        .hasMessageContaining("GiB");
    assertThatThrownBy(() -> Bytes.parse("MiB")).hasMessageContaining("no number");
  }

  @Test
  void negativeSizesAreRejected() {
    assertThatThrownBy(() -> new Bytes(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printsLikeTheReport() {
    assertThat(Bytes.gb(0.75)).hasToString("0.75 GB");
    assertThat(Bytes.gb(2.57)).hasToString("2.57 GB");
    assertThat(new Bytes(32768)).hasToString("32.77 kB");
  }
}
