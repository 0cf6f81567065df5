package dev.tokbench.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The split ceilings' formulas (docs/multi-gpu.md), checked against the arithmetic done by hand for
 * LLaMA-3.1-8B Q4_K_M (llama-bench's model_size on the H200: 4,912,898,304 bytes; 32 layers, n_embd
 * 4096) on two H200s (4.8 TB/s each) and on a mixed pair.
 */
class SplitCeilingTest {
  private static final Bytes W = new Bytes(4_912_898_304.0);
  private static final DecodeCeiling ONE_H200 = DecodeCeiling.of(Bandwidth.tbPerS(4.8), W);
  private static final List<Bandwidth> TWO_H200 =
      List.of(Bandwidth.tbPerS(4.8), Bandwidth.tbPerS(4.8));

  @Test
  void noneIsTheMainGpuAloneAndLayerOfEqualGpusIsNoFaster() {
    double one = 4.8e12 / 4_912_898_304.0; // 977.0 tok/s
    assertThat(ONE_H200.tokensPerS(0)).isCloseTo(one, within(1e-9));
    assertThat(SplitCeiling.none(TWO_H200, 1).tokensPerS(ONE_H200, 0)).isCloseTo(one, within(1e-9));
    assertThat(SplitCeiling.none(TWO_H200, 1).gpusUsed()).isEqualTo(1);
    // each GPU reads half the weights while the other waits: the same time as one GPU
    SplitCeiling layer = SplitCeiling.layer(TWO_H200);
    assertThat(layer.tokensPerS(ONE_H200, 0)).isCloseTo(one, within(1e-9));
    assertThat(layer.gpusUsed()).isEqualTo(2);
  }

  @Test
  void rowSumsTheBandwidthsAndPaysForTheAllReduces() {
    assertThat(SplitCeiling.row(TWO_H200, AllReduce.NONE).tokensPerS(ONE_H200, 0))
        .isCloseTo(9.6e12 / 4_912_898_304.0, within(1e-9)); // 1954.0: summed bandwidth
    // 64 all-reduces of 4096 f32 over 450 GB/s NVLink, 10 µs each:
    // 64 × (2·(2−1)/2 · 16384 B / 450e9 B/s + 10e-6 s) = 64 × 10.0364e-6 = 642.33e-6 s
    AllReduce ar = AllReduce.perLayer(32, 4096, 4, Bandwidth.gbPerS(450), 10e-6);
    assertThat(ar.secondsPerToken(2)).isCloseTo(642.330e-6, within(1e-9));
    assertThat(ar.secondsPerToken(1)).isZero();
    double t = 4_912_898_304.0 / 9.6e12 + 642.330e-6; // 511.76e-6 + 642.33e-6 s
    SplitCeiling row = SplitCeiling.row(TWO_H200, ar);
    assertThat(row.tokensPerS(ONE_H200, 0)).isCloseTo(1 / t, within(1e-3)); // 866.5 < 977
    assertThat(row.effective(ONE_H200, 0).gbPerS())
        .isCloseTo(4_912_898_304.0 / t / 1e9, within(1e-2)); // 4257 GB/s
  }

  @Test
  void aMixedPairIsAsFastAsItsSharesAllow() {
    // RTX 3090 (936.2 GB/s) and RTX 4090 (1008 GB/s), -ts 1/1 and -ts 936.2/1008
    List<Bandwidth> pair = List.of(Bandwidth.gbPerS(936.2), Bandwidth.gbPerS(1008));
    double layerT = 0.5 * 4_912_898_304.0 / 936.2e9 + 0.5 * 4_912_898_304.0 / 1008e9;
    assertThat(SplitCeiling.layer(pair, 1, 1).secondsPerToken(W, new Bytes(0)))
        .isCloseTo(layerT, within(1e-15));
    // row: the slower GPU's half sets the pace, unless the shares follow the bandwidths
    assertThat(SplitCeiling.row(pair, AllReduce.NONE, 1, 1).secondsPerToken(W, new Bytes(0)))
        .isCloseTo(0.5 * 4_912_898_304.0 / 936.2e9, within(1e-15));
    assertThat(SplitCeiling.row(pair, AllReduce.NONE, 936.2, 1008).secondsPerToken(W, new Bytes(0)))
        .isCloseTo(4_912_898_304.0 / 1944.2e9, within(1e-15));
  }

  @Test
  void theCacheIsSplitWithTheLayersButStaysOnTheMainGpuUnderRow() {
    Bytes kv = Bytes.gb(1);
    // layer: 0.75 and 0.25 of weights and cache; row: weights spread, cache on GPU 0
    assertThat(SplitCeiling.layer(TWO_H200, 3, 1).secondsPerToken(W, kv))
        .isCloseTo((4_912_898_304.0 + 1e9) / 4.8e12, within(1e-15));
    assertThat(SplitCeiling.row(TWO_H200, AllReduce.NONE, 3, 1).secondsPerToken(W, kv))
        .isCloseTo(0.75 * 4_912_898_304.0 / 4.8e12 + 1e9 / 4.8e12, within(1e-15));
    // tensor: both spread
    assertThat(SplitCeiling.tensor(TWO_H200, AllReduce.NONE, 3, 1).secondsPerToken(W, kv))
        .isCloseTo(0.75 * (4_912_898_304.0 + 1e9) / 4.8e12, within(1e-15));
    // a GPU given no share takes no part
    assertThat(SplitCeiling.layer(TWO_H200, 1, 0).gpusUsed()).isEqualTo(1);
  }

  @Test
  void theSplitTableShowsEachSplitBesideOneGpu() {
    AllReduce ar = AllReduce.perLayer(32, 4096, 4, Bandwidth.gbPerS(450), 10e-6);
    var t =
        dev.tokbench.tables.Tables.splitCeilings(
            ONE_H200,
            List.of(
                SplitCeiling.none(TWO_H200, 0),
                SplitCeiling.layer(TWO_H200),
                SplitCeiling.row(TWO_H200, ar)),
            List.of(0));

    assertThat(t.stringColumn("split_mode").asList()).containsExactly("none", "layer", "row");
    assertThat(t.intColumn("gpus").asList()).containsExactly(1, 2, 2);
    assertThat(t.stringColumn("shares").asList())
        .containsExactly("1.00/0.00", "0.50/0.50", "0.50/0.50");
    assertThat(t.doubleColumn("ceiling_tokens_per_s").getDouble(2))
        .isCloseTo(SplitCeiling.row(TWO_H200, ar).tokensPerS(ONE_H200, 0), within(1e-9));
    assertThat(t.doubleColumn("effective_bandwidth_gb_per_s").getDouble(0))
        .isCloseTo(4800, within(1e-6));
  }

  @Test
  void badSplitsAreRefusedSayingWhy() {
    assertThatThrownBy(() -> SplitCeiling.layer(TWO_H200, 1, 1, 1))
        .hasMessageContaining("3 tensor-split values for 2");
    assertThatThrownBy(() -> SplitCeiling.layer(TWO_H200, 0, 0)).hasMessageContaining("all zeros");
    assertThatThrownBy(() -> SplitCeiling.layer(TWO_H200, -1, 2)).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> SplitCeiling.none(TWO_H200, 2)).hasMessageContaining("main GPU 2");
    assertThatThrownBy(() -> SplitCeiling.layer(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> SplitMode.parse("rows")).hasMessageContaining("none, layer, row or");
    assertThat(SplitMode.parse(" Row ")).isEqualTo(SplitMode.ROW);
  }
}
