package dev.tokbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureTest {
  @Test
  void methodSignatureGivesClassNameAndSimpleErasedParameterTypes() {
    assertThat(Signature.parse("<T> List<T> Lists.of(java.util.Map<K, List<V>> m, String... rest)"))
        .contains(new Signature("Lists", "of", List.of("Map", "String[]")));
  }

  @Test
  void constructorTypeAndFieldAreTold() {
    assertThat(Signature.parse("StringBuilder(int capacity)"))
        .contains(new Signature("StringBuilder", Signature.CONSTRUCTOR, List.of("int")));
    assertThat(Signature.parse("java.util.List<E>"))
        .contains(new Signature("java.util.List", "", null));
    assertThat(Signature.parse("Outer.Inner.LIMIT:int"))
        .contains(new Signature("Outer.Inner", "LIMIT", null));
  }

  @Test
  void localVariableHasNoDeclaringClass() {
    assertThat(Signature.parse("x:int")).isEmpty();
  }
}
