package dev.tokbench.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A big-endian copy of a real fixture (as gguf-py's convert_endian makes) reads the same. */
class GgufBigEndianTest {
  @TempDir Path tmp;

  static List<Path> fixtures() {
    return GgufFixtures.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void bigEndianCopyHasTheSameSummaryAndMetadata(Path fixture) {
    GgufFile le = Gguf.read(fixture);
    Path bePath = TestGgufWriter.copyOf(le, ByteOrder.BIG_ENDIAN).write(tmp.resolve("be.gguf"));

    GgufFile be = Gguf.read(bePath);

    assertThat(be.byteOrder()).isEqualTo(ByteOrder.BIG_ENDIAN);
    assertThat(le.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    assertThat(be.summary())
        .usingRecursiveComparison()
        .ignoringFields("path")
        .isEqualTo(le.summary());
    assertThat(be.metadata().asMap()).isEqualTo(le.metadata().asMap());
    assertThat(be.tensors()).isEqualTo(le.tensors());
    assertThat(be.verify()).isEqualTo(le.verify());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void rewritingInLittleEndianReproducesTheFileByteForByte(Path fixture) throws Exception {
    byte[] original = Files.readAllBytes(fixture);

    byte[] copy = TestGgufWriter.copyOf(Gguf.read(fixture), ByteOrder.LITTLE_ENDIAN).bytes();

    assertThat(copy).isEqualTo(original);
  }

  @Test
  void bigEndianTensorDataComeBackInTheFilesOrder() {
    GgufFile le = Gguf.read(GgufFixtures.file("small-llama-F16.gguf"));
    GgufFile be =
        Gguf.read(TestGgufWriter.copyOf(le, ByteOrder.BIG_ENDIAN).write(tmp.resolve("be.gguf")));
    TensorInfo norm = be.tensor("output_norm.weight").orElseThrow();
    TensorInfo embd = be.tensor("token_embd.weight").orElseThrow();

    ByteBuffer beNorm = be.tensorData(norm);
    ByteBuffer leNorm = le.tensorData(norm);

    assertThat(beNorm.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    assertThat(beNorm.asFloatBuffer().get(7)).isEqualTo(leNorm.asFloatBuffer().get(7));
    assertThat(be.tensorData(embd).getShort(2 * 1000))
        .isEqualTo(le.tensorData(embd).getShort(2 * 1000));
  }
}
