package dev.tokbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {
  record Shape(String name, int layers, List<String> tags) {
    Shape {
      if (layers <= 0) throw new IllegalArgumentException("layers must be > 0, got " + layers);
      tags = List.copyOf(tags);
    }
  }

  private static final Shape SHAPE = new Shape("s", 2, List.of("a"));

  @Test
  void aCopyChangesTheNamedComponentOnly() {
    Shape deeper = Records.with(SHAPE, Shape::layers, 16);
    assertThat(deeper).isEqualTo(new Shape("s", 16, List.of("a")));
    assertThat(SHAPE.layers()).isEqualTo(2);
    assertThat(Records.with(SHAPE, Shape::tags, List.of("b", "c")).tags())
        .containsExactly("b", "c");
  }

  @Test
  void theCopyIsCheckedByTheCanonicalConstructor() {
    assertThatThrownBy(() -> Records.with(SHAPE, Shape::layers, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("layers must be > 0, got 0");
  }

  @Test
  void aLambdaInsteadOfAnAccessorIsRefusedSayingWhatToPass() {
    assertThatThrownBy(() -> Records.with(SHAPE, s -> s.layers(), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a component of Shape: pass its accessor");
  }
}
