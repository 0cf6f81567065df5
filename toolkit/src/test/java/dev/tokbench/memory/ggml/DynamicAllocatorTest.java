package dev.tokbench.memory.ggml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ggml_dyn_tallocr's placement rules, on hand-worked sequences. */
class DynamicAllocatorTest {
  @Test
  void requestsArePaddedToTheAlignmentAndStackedFromZero() {
    DynamicAllocator a = new DynamicAllocator(128);

    assertThat(a.alloc(100)).isZero();
    assertThat(a.alloc(129)).isEqualTo(128);
    assertThat(a.maxSize()).isEqualTo(128 + 256);
  }

  @Test
  void theSmallestHoleThatFitsIsTakenAndTheTailOnlyWhenNoneDoes() {
    DynamicAllocator a = new DynamicAllocator(1);
    long x = a.alloc(300);
    a.alloc(10);
    long y = a.alloc(100);
    a.alloc(10);
    a.free(x, 300);
    a.free(y, 100);

    assertThat(a.alloc(90)).isEqualTo(y); // the 100-byte hole, not the 300-byte one
    assertThat(a.alloc(200)).isEqualTo(x);
    long high = a.maxSize();
    assertThat(a.alloc(500)).isEqualTo(high); // no hole of 500: the tail grows the buffer
    assertThat(a.maxSize()).isEqualTo(high + 500);
  }

  @Test
  void freedNeighboursMergeIntoOneHole() {
    DynamicAllocator a = new DynamicAllocator(1);
    long x = a.alloc(100);
    long y = a.alloc(100);
    long z = a.alloc(100);
    a.alloc(1);
    a.free(x, 100);
    a.free(z, 100);
    a.free(y, 100); // joins x's hole and z's

    assertThat(a.alloc(300)).isEqualTo(x);
    assertThat(a.maxSize()).isEqualTo(301);
  }

  @Test
  void freeingTheTopReturnsItToTheTailSoTheBufferDoesNotGrow() {
    DynamicAllocator a = new DynamicAllocator(32);
    a.alloc(64);
    long top = a.alloc(64);
    a.free(top, 64);

    assertThat(a.alloc(96)).isEqualTo(top);
    assertThat(a.maxSize()).isEqualTo(64 + 96);
  }
}
