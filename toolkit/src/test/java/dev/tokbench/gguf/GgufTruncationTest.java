package dev.tokbench.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files cut short: the header-only 1B fixture, and cuts inside the tensor data. */
class GgufTruncationTest {
  @TempDir Path tmp;

  @Test
  void headerOnlyFileSummarisesTheWholeModel() {
    ModelSummary s = Gguf.read(GgufFixtures.file(GgufFixtures.HEADER_ONLY_1B)).summary();

    assertThat(s.architecture()).isEqualTo("llama");
    assertThat(s.fileType()).isEqualTo("Q4_K_M");
    assertThat(s.nTensors()).isEqualTo(146);
    assertThat(s.vocabSize()).isEqualTo(128_256);
    assertThat(s.blockCount()).isEqualTo(16);
    assertThat(s.embeddingLength()).isEqualTo(2048);
    assertThat(s.headCount()).isEqualTo(32);
    assertThat(s.headCountKv()).isEqualTo(8);
    assertThat(s.headDim()).isEqualTo(64);
    assertThat(s.fileBytes()).isEqualTo(2_849_024L);
    assertThat(s.tiedEmbeddings()).isTrue();
  }

  @Test
  void truncatedFileReportsMissingBytes() {
    GgufFile f = Gguf.read(GgufFixtures.file(GgufFixtures.HEADER_ONLY_1B));

    assertThat(f.verify())
        .singleElement()
        .asString()
        .startsWith("truncated")
        .contains(
            String.valueOf(GgufFixtures.HEADER_ONLY_1B_FULL_BYTES - 2_849_024L) + " bytes missing")
        .contains("146 of 146 tensors");
  }

  @Test
  void tensorDataOfAMissingTensorIsAFormatErrorWithItsOffset() {
    GgufFile f = Gguf.read(GgufFixtures.file(GgufFixtures.HEADER_ONLY_1B));
    TensorInfo t = f.tensors().get(0);

    assertThatThrownBy(() -> f.tensorData(t))
        .isInstanceOf(GgufFormatException.class)
        .hasMessageContaining("bytes missing")
        .extracting(e -> ((GgufFormatException) e).offset())
        .isEqualTo(t.fileOffset());
  }

  @Test
  void cutInsideTheLastTensorReportsTheExactShortfall() throws Exception {
    Path full = GgufFixtures.file("tiny-llama-Q8_0.gguf");
    byte[] bytes = Files.readAllBytes(full);
    Path cut = Files.write(tmp.resolve("cut.gguf"), Arrays.copyOf(bytes, bytes.length - 1000));
    GgufFile f = Gguf.read(cut);
    long end = f.tensors().stream().mapToLong(TensorInfo::endOffset).max().orElseThrow();

    assertThat(f.verify())
        .singleElement()
        .asString()
        .contains((end - (bytes.length - 1000)) + " bytes missing");
  }

  @Test
  void everyCompleteFixtureVerifiesClean() {
    for (Path p : GgufFixtures.all()) {
      if (p.getFileName().toString().equals(GgufFixtures.HEADER_ONLY_1B)) continue;
      assertThat(Gguf.read(p).verify()).as(p.getFileName().toString()).isEmpty();
    }
  }
}
