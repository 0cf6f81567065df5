package dev.tokbench.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code checkTensors()} finds NaN and infinity where llama.cpp's --check-tensors looks. */
class TensorValuesTest {
  @TempDir Path dir;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(TensorValuesTest.class.getResource("/gguf/" + name).toURI());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "small-llama-F16.gguf",
        "small-llama-Q4_0.gguf",
        "small-llama-Q4_K_M.gguf",
        "small-llama-Q6_K.gguf",
        "small-llama-Q8_0.gguf"
      })
  void llamaCppsOwnFilesHaveNoNanOrInfinity(String name) throws Exception {
    assertThat(Gguf.read(fixture(name)).checkTensors()).isEmpty();
  }

  @Test
  void aNanBlockScaleAndAnInfiniteNormValueAreReportedWithTensorPlaceAndByte() throws Exception {
    Path copy = Files.copy(fixture("small-llama-Q4_0.gguf"), dir.resolve("bad.gguf"));
    GgufFile f = Gguf.read(copy);
    TensorInfo quantized = first(f, GgmlType.Q4_0);
    TensorInfo norm = first(f, GgmlType.F32);
    long block3 = quantized.fileOffset() + 3L * GgmlType.Q4_0.typeSize();
    long element5 = norm.fileOffset() + 5L * 4;
    poke(
        copy,
        block3,
        ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) 0x7e00));
    poke(
        copy,
        element5,
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, Float.POSITIVE_INFINITY));

    List<String> problems = Gguf.read(copy).checkTensors();

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "tensor "
                + quantized.name()
                + " (Q4_0): 1 block with a NaN or infinite scale (1 NaN, 0 infinite); the first is"
                + " block 3 at byte "
                + block3,
            "tensor "
                + norm.name()
                + " (F32): 1 value (0 NaN, 1 infinite); the first is element 5 at byte "
                + element5);
    assertThat(Gguf.read(copy).verify()).as("the structure is still sound").isEmpty();
  }

  @Test
  void aTruncatedFileIsLeftToVerifyAndItsCompleteTensorsAreStillChecked() throws Exception {
    Path src = fixture("small-llama-F16.gguf");
    Path cut = dir.resolve("cut.gguf");
    byte[] bytes = Files.readAllBytes(src);
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    GgufFile f = Gguf.read(cut);
    assertThat(f.verify()).anyMatch(p -> p.startsWith("truncated"));
    assertThat(f.checkTensors()).isEmpty();
  }

  private static TensorInfo first(GgufFile f, GgmlType type) {
    return f.tensors().stream().filter(t -> t.type() == type).findFirst().orElseThrow();
  }

  private static void poke(Path file, long at, ByteBuffer bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(bytes, at);
    }
  }
}
