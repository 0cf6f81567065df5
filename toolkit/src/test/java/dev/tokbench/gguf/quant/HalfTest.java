package dev.tokbench.gguf.quant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HalfTest {
  @Test
  void everyHalfSurvivesARoundTripThroughFloat() {
    for (int h = 0; h < 0x10000; h++) {
      float f = Half.toFloat((short) h);
      if (Float.isNaN(f)) continue;
      assertThat(Half.fromFloat(f) & 0xffff).as("half %04x", h).isEqualTo(h);
    }
  }

  @Test
  void floatsBetweenTwoHalvesRoundToNearestEven() {
    float one = Half.toFloat((short) 0x3c00);
    float next = Half.toFloat((short) 0x3c01);
    assertThat(Half.fromFloat((one + next) / 2)).isEqualTo((short) 0x3c00); // tie -> even
    assertThat(Half.fromFloat(Math.nextUp((one + next) / 2))).isEqualTo((short) 0x3c01);
    assertThat(Half.fromFloat(65520f)).isEqualTo((short) 0x7c00); // tie above max -> inf
    assertThat(Half.fromFloat(0x1p-25f)).isEqualTo((short) 0); // tie below min subnormal -> 0
    assertThat(Half.fromFloat(Math.nextUp(0x1p-25f))).isEqualTo((short) 1);
  }

  @Test
  void bfloat16KeepsTheTopSixteenBitsRoundedToNearestEven() {
    assertThat(Half.bf16FromFloat(1.0f)).isEqualTo((short) 0x3f80);
    assertThat(Half.bf16ToFloat(Half.bf16FromFloat(3.140625f))).isEqualTo(3.140625f);
    assertThat(Half.bf16FromFloat(Float.intBitsToFloat(0x3f808000))).isEqualTo((short) 0x3f80);
    assertThat(Half.bf16FromFloat(Float.intBitsToFloat(0x3f818000))).isEqualTo((short) 0x3f82);
  }
}
