package dev.tokbench.bandwidth;

import static dev.tokbench.testing.Properties.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.tokbench.gguf.GgmlType;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * KV-cache bytes for every ggml type, and the decode ceiling built on them: exact bytes per
 * element, linear in layers and depth, and a ceiling that only falls as the context grows.
 */
class KvCachePropertiesTest {
  private static final Gen<GgmlType> TYPES =
      integers().between(0, GgmlType.values().length - 1).map(i -> GgmlType.values()[i]);
  // head dims of real models are multiples of 32 up to 256; 256 keeps every block size whole
  private static final Gen<Integer> HEAD_DIMS = integers().between(1, 4).map(k -> 64 * k);

  @Test
  void everyTypeStoresKAndVAtItsOwnBytesPerElementOverAllLayers() {
    qt(1000)
        .forAll(TYPES, integers().between(1, 160), integers().between(1, 64), HEAD_DIMS)
        .assuming((type, layers, heads, dim) -> (long) heads * dim % type.blockSize() == 0)
        .checkAssert(
            (type, layers, heads, dim) -> {
              KvCache cache = KvCache.of(layers, heads, dim, type);
              double perElement = (double) type.typeSize() / type.blockSize();
              assertThat(cache.bytesPerToken().bytes())
                  .isEqualTo((double) layers * 2 * heads * dim * perElement);
              assertThat(KvCache.of(layers * 2, heads, dim, type).bytesPerToken().bytes())
                  .isEqualTo(2 * cache.bytesPerToken().bytes());
            });
  }

  @Test
  void aRowThatIsNotAWholeNumberOfBlocksIsRefusedAsLlamaCppRefusesIt() {
    qt(300)
        .forAll(TYPES, integers().between(1, 8), integers().between(1, 255))
        .assuming((type, heads, dim) -> (long) heads * dim % type.blockSize() != 0)
        .checkAssert(
            (type, heads, dim) ->
                assertThatThrownBy(() -> KvCache.of(2, heads, dim, type).bytesPerToken())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("multiple of " + type.blockSize()));
  }

  @Test
  void theDecodeCeilingFallsWithDepthAndScalesWithBandwidth() {
    qt(1000)
        .forAll(
            doubles().between(1e6, 1e11),
            doubles().between(1, 10_000),
            integers().between(0, 131_072),
            integers().between(0, 131_072))
        .checkAssert(
            (weights, gbPerS, d1, d2) -> {
              KvCache cache = KvCache.of(16, 8, 64, GgmlType.F16);
              DecodeCeiling c =
                  DecodeCeiling.of(Bandwidth.gbPerS(gbPerS), new Bytes(weights)).withKvCache(cache);
              int shallow = Math.min(d1, d2);
              int deep = Math.max(d1, d2);
              assertThat(c.tokensPerS(deep)).isLessThanOrEqualTo(c.tokensPerS(shallow));
              assertThat(c.tokensPerS(0)).isCloseTo(gbPerS * 1e9 / weights, within(1e-6));
              assertThat(c.bytesPerToken(deep).bytes())
                  .isEqualTo(cache.bytesReadPerToken(new Bytes(weights), deep).bytes());
              DecodeCeiling twice =
                  DecodeCeiling.of(Bandwidth.gbPerS(2 * gbPerS), new Bytes(weights))
                      .withKvCache(cache);
              assertThat(twice.tokensPerS(deep))
                  .isCloseTo(2 * c.tokensPerS(deep), within(1e-9 * c.tokensPerS(deep)));
            });
  }
}
