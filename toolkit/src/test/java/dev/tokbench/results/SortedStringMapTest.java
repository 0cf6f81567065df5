package dev.tokbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SortedStringMapTest {
  @Test
  void rowMapsIterateByKeyAndEqualTheTreeMapTheyReplace() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("n_threads", "2");
    given.put("backends", "CUDA");
    given.put("type_k", "f16");
    given.put("empty", null);

    BenchResult row = BenchResult.failed("llama.cpp", Status.FAILED, "x").withProvenance(given);

    assertThat(List.copyOf(row.provenance().keySet()))
        .containsExactly("backends", "empty", "n_threads", "type_k");
    assertThat(row.provenance()).isEqualTo(new TreeMap<>(given)).hasSameHashCodeAs(given);
    assertThat(row.provenance().get("type_k")).isEqualTo("f16");
    assertThat(row.provenance().containsKey("empty")).isTrue();
    assertThat(row.provenance().get("missing")).isNull();
  }

  @Test
  void rowMapsCannotBeChanged() {
    Map<String, String> m = SortedStringMap.copyOf(Map.of("a", "1"));

    assertThatThrownBy(() -> m.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> m.entrySet().iterator().next().setValue("3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aNullKeyIsRefusedAsTreeMapRefusedIt() {
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put(null, "v");

    assertThatThrownBy(() -> SortedStringMap.copyOf(withNull))
        .isInstanceOf(NullPointerException.class);
  }
}
