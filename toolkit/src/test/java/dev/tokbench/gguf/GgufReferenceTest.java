package dev.tokbench.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our sizes and file types against llama-bench's own, for every model fixture. */
class GgufReferenceTest {
  static Stream<JsonNode> models() {
    return GgufFixtures.reference().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void paramsAndTensorBytesEqualLlamaBench(JsonNode ref) {
    ModelSummary s = Gguf.read(GgufFixtures.file(ref.get("file").asText())).summary();

    assertThat(s.nParams()).isEqualTo(ref.get("model_n_params").asLong());
    assertThat(s.tensorBytes()).isEqualTo(ref.get("model_size").asLong());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void fileTypeMatchesTheQuantizationInLlamaBenchModelType(JsonNode ref) {
    ModelSummary s = Gguf.read(GgufFixtures.file(ref.get("file").asText())).summary();
    String modelType = ref.get("model_type").asText(); // e.g. "llama 1B Q4_K - Medium"

    assertThat(modelType)
        .startsWith(s.architecture() + " ")
        .endsWith(" " + s.fileTypeDescription());
    assertThat(ref.get("file").asText()).contains("-" + s.fileType() + ".");
  }
}
