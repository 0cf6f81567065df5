package dev.tokbench.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers llama.cpp refuses are refused here too, with the byte offset of the bad field. */
class GgufHeaderErrorsTest {
  @TempDir Path tmp;

  private Path patched(String fixture, int offset, byte[] bytes) throws Exception {
    byte[] b = Files.readAllBytes(GgufFixtures.file(fixture));
    System.arraycopy(bytes, 0, b, offset, bytes.length);
    return Files.write(tmp.resolve("patched.gguf"), b);
  }

  private static byte[] le32(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
  }

  private static GgufFormatException thrown(Path p) {
    try {
      Gguf.read(p);
    } catch (GgufFormatException e) {
      return e;
    }
    throw new AssertionError("no GgufFormatException for " + p);
  }

  @Test
  void versionOneIsRefusedWithAClearMessage() throws Exception {
    GgufFormatException e = thrown(patched("tiny-llama-F16.gguf", 4, le32(1)));

    assertThat(e.offset()).isEqualTo(4);
    assertThat(e).hasMessageContaining("GGUF version 1 is not supported");
  }

  @Test
  void unknownVersionIsRefused() throws Exception {
    GgufFormatException e = thrown(patched("tiny-llama-F16.gguf", 4, le32(4)));

    assertThat(e).hasMessageContaining("unsupported GGUF version 4");
  }

  @Test
  void versionTwoIsRead() throws Exception {
    GgufFile f = Gguf.read(patched("tiny-llama-F16.gguf", 4, le32(2)));

    assertThat(f.version()).isEqualTo(2);
    assertThat(f.summary().nParams()).isEqualTo(106_816);
  }

  @Test
  void wrongMagicSaysWhatTheFileStartsWith() throws Exception {
    GgufFormatException e = thrown(patched("tiny-llama-F16.gguf", 0, "GGJT".getBytes()));

    assertThat(e.offset()).isZero();
    assertThat(e).hasMessageContaining("not a GGUF file").hasMessageContaining("\"GGJT\"");
    assertThat(e.path().getFileName()).hasToString("patched.gguf");
  }

  @Test
  void hugeTensorCountIsRefusedBeforeAnythingIsAllocated() throws Exception {
    byte[] huge = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 60).array();
    GgufFormatException e = thrown(patched("tiny-llama-F16.gguf", 8, huge));

    assertThat(e.offset()).isEqualTo(8);
    assertThat(e).hasMessageContaining("tensor_count is 1152921504606846976");
  }

  @Test
  void emptyFileIsAFormatError() throws Exception {
    GgufFormatException e = thrown(Files.write(tmp.resolve("empty.gguf"), new byte[0]));

    assertThat(e).hasMessageContaining("file ends at byte 0");
  }

  @Test
  void unknownTensorTypeIsReportedByNumberNotACrash() throws Exception {
    GgufFile f =
        Gguf.read(
            new TestGgufWriter(ByteOrder.LITTLE_ENDIAN)
                .kv("general.architecture", GgufValueType.STRING, "llama")
                .tensor("a", List.of(32L), 0, new byte[128], 128)
                .tensor("b", List.of(32L), 99, new byte[64], 64)
                .write(tmp.resolve("unknown.gguf")));

    TensorInfo b = f.tensor("b").orElseThrow();
    assertThat(b.hasKnownType()).isFalse();
    assertThat(b.typeName()).isEqualTo("type 99");
    assertThat(f.verify()).contains("tensor b has unknown ggml type 99");
    assertThat(f.summary().types()).extracting(TypeStats::type).contains("type 99");
    assertThat(f.summary().nParams()).isEqualTo(64);
  }

  @Test
  void misalignedAndOverlappingTensorsAreProblems() throws Exception {
    Path p =
        new TestGgufWriter(ByteOrder.LITTLE_ENDIAN)
            .tensor("a", List.of(32L), 0, new byte[128], 128)
            .tensor("b", List.of(32L), 0, new byte[128], 128)
            .write(tmp.resolve("overlap.gguf"));
    // header 24 bytes; tensor info "a" 33 bytes; b's uint64 offset follows its name, dims, type
    int bOffsetField = 24 + 33 + (8 + 1) + 4 + 8 + 4;
    byte[] b = Files.readAllBytes(p);
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(bOffsetField, 65);
    GgufFile f = Gguf.read(Files.write(p, b));

    assertThat(f.tensor("b").orElseThrow().offset()).isEqualTo(65);
    assertThat(f.verify())
        .anyMatch(s -> s.contains("b offset 65 is not a multiple of the alignment 32"))
        .anyMatch(s -> s.contains("overlap"));
  }
}
