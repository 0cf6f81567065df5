package dev.tokbench.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our sizes and file types against llama-bench's own, for every model fixture. */
class GgufReferenceTest {
  @TempDir Path tmp;

  @Test
  void withoutFileTypeTheTypeIsGuessedFromTheMostCommonTensorTypeAsLlamaCppDoes() {
    GgufFile q8 = Gguf.read(GgufFixtures.file("tiny-llama-Q8_0.gguf"));
    TestGgufWriter w =
        new TestGgufWriter(ByteOrder.LITTLE_ENDIAN).metadataOf(q8, List.of("general.file_type"));
    q8.tensors().forEach(t -> w.tensorOf(q8, t));

    ModelSummary s = Gguf.read(w.write(tmp.resolve("no-file-type.gguf"))).summary();

    assertThat(s.fileType()).isEqualTo("Q8_0 (guessed)");
    assertThat(s.fileTypeDescription()).isEqualTo("Q8_0 (guessed)");
    assertThat(s.nParams()).isEqualTo(q8.summary().nParams());
  }

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
