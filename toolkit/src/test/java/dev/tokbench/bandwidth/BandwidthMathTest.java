package dev.tokbench.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tokbench.gguf.GgmlType;
import dev.tokbench.tables.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandwidthMathTest {
  @Test
  void effectiveBandwidthIsModelBytesTimesTokensPerSecond() {
    // the report's footnote: 1.04 GB × 25.59 tok/s ≈ 26.6 GB/s, 13.0% of 205 GB/s
    Bandwidth used = Bandwidth.effective(Bytes.gb(1.04), 25.59);
    assertThat(used.gbPerS()).isCloseTo(26.6136, within(1e-9));
    assertThat(used.percentOf(Bandwidth.gbPerS(205))).isCloseTo(12.982, within(0.001));
    assertThat(used).hasToString("26.6 GB/s");
  }

  @Test
  void ceilingIsBandwidthOverBytesPerToken() {
    assertThat(Bandwidth.gbPerS(205).tokensPerSCeiling(Bytes.gb(1.04)))
        .isCloseTo(197.1, within(0.05));
    assertThat(Bandwidth.tbPerS(3.35).gbPerS()).isEqualTo(3350.0);
  }

  @Test
  void kvCacheOfLlama32OneBIsThirtyTwoKibPerTokenInF16() {
    // LLaMA 3.2 1B: 16 layers, 8 KV heads, head dim 64; K and V in f16
    KvCache kv = KvCache.of(16, 8, 64, GgmlType.F16);
    assertThat(kv.bytesPerToken().bytes()).isEqualTo(16 * 8 * 64 * 2 * 2);
    KvCache q8 = KvCache.of(16, 8, 64, KvCache.cacheType("q8_0"));
    assertThat(q8.bytesPerToken().bytes()).isEqualTo(16 * 2 * (8 * 64 / 32) * 34);
  }

  @Test
  void decodeCeilingFallsWithContextDepth() {
    KvCache kv = KvCache.of(16, 8, 64, GgmlType.F16);
    DecodeCeiling c = DecodeCeiling.of(Bandwidth.gbPerS(205), Bytes.gb(1.04)).withKvCache(kv);
    double bytesAt4096 = 1.04e9 + 4096 * 32768.0;
    assertThat(c.tokensPerS(4096)).isCloseTo(205e9 / bytesAt4096, within(1e-6));
    assertThat(c.tokensPerS(0)).isGreaterThan(c.tokensPerS(4096));
    assertThat(Tables.ceiling(c, List.of(0, 4096)).rowCount()).isEqualTo(2);
  }

  @Test
  void prefillUsesTwoFlopsPerParameter() {
    assertThat(Prefill.flopsPerToken(1_235_814_400L)).isEqualTo(2 * 1_235_814_400.0);
    // H100 pp512 1B Q6_K: 28779.68 tok/s × 2.47 GFLOP = 71.1 TFLOP/s, 7.2% of 989.4
    assertThat(Prefill.utilisationPercent(28779.68, 1_235_814_400L, 989.4))
        .isCloseTo(7.19, within(0.01));
  }

  @Test
  void unknownCacheTypeIsBadInput() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KvCache.cacheType("q9"))
        .isInstanceOf(UnknownUnitException.class)
        .hasMessageContaining("q9");
  }
}
