package dev.tokbench.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufWriterBadInputTest {
  @TempDir Path dir;

  private static TensorData zeros(int bytes) {
    return TensorData.of(new byte[bytes]);
  }

  @Test
  void aRowThatIsNotAWholeNumberOfBlocksIsRefused() {
    assertThatThrownBy(
            () -> GgufWriter.create().tensor("w", GgmlType.Q4_K, List.of(100L, 2L), zeros(0)))
        .isInstanceOf(GgufWriteException.class)
        .hasMessageContaining("tensor w")
        .hasMessageContaining("100 elements")
        .hasMessageContaining("Q4_K blocks (256");
  }

  @Test
  void zeroDimensionsTooManyDimensionsDuplicatesAndLongNamesAreRefused() {
    GgufWriter w = GgufWriter.create().tensor("a", GgmlType.F32, List.of(4L), zeros(16));
    assertThatThrownBy(() -> w.tensor("z", GgmlType.F32, List.of(4L, 0L), zeros(0)))
        .hasMessageContaining("every dimension must be >= 1");
    assertThatThrownBy(() -> w.tensor("d", GgmlType.F32, List.of(1L, 1L, 1L, 1L, 1L), zeros(4)))
        .hasMessageContaining("5 dimensions");
    assertThatThrownBy(() -> w.tensor("a", GgmlType.F32, List.of(4L), zeros(16)))
        .hasMessageContaining("already added");
    assertThatThrownBy(() -> w.tensor("x".repeat(64), GgmlType.F32, List.of(4L), zeros(16)))
        .hasMessageContaining("64 bytes");
  }

  @Test
  void metadataValuesOutOfTheirTypesRangeAreRefused() {
    assertThatThrownBy(() -> GgufWriter.create().uint32("k", -1))
        .isInstanceOf(GgufWriteException.class)
        .hasMessageContaining("metadata k")
        .hasMessageContaining("out of range for UINT32");
    assertThatThrownBy(() -> GgufWriter.create().put("k", GgufValueType.STRING, 3))
        .hasMessageContaining("needs a String");
    assertThatThrownBy(() -> GgufWriter.create().alignment(12))
        .hasMessageContaining("power of two");
  }

  @Test
  void aMissingFolderIsReportedAndNothingIsWritten() {
    Path target = dir.resolve("no/such/folder/m.gguf");
    assertThatThrownBy(() -> GgufWriter.create().write(target))
        .isInstanceOf(GgufWriteException.class)
        .hasMessageContaining("does not exist");
    assertThat(target).doesNotExist();
  }

  @Test
  void aFileWhereTheFolderShouldBeIsReported() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "x");
    assertThatThrownBy(() -> GgufWriter.create().write(notAFolder.resolve("m.gguf")))
        .isInstanceOf(GgufWriteException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void aFullDiskLeavesThePreviousFileInPlaceAndNoTemporaryFile() throws IOException {
    Path target = Files.writeString(dir.resolve("m.gguf"), "previous");
    TensorData diskFills =
        out -> {
          out.write(new byte[8], 0, 8);
          throw new IOException("No space left on device");
        };
    GgufWriter w = GgufWriter.create().tensor("w", GgmlType.F32, List.of(4L), diskFills);
    assertThatThrownBy(() -> w.write(target))
        .isInstanceOf(GgufWriteException.class)
        .hasMessageContaining("the disk is full");
    assertThat(Files.readString(target)).isEqualTo("previous");
    assertThat(filesIn(dir)).containsExactly("m.gguf");
  }

  @Test
  void aTensorThatProducesTheWrongByteCountLeavesNoFile() throws IOException {
    Path target = dir.resolve("short.gguf");
    GgufWriter w = GgufWriter.create().tensor("w", GgmlType.F32, List.of(4L), zeros(12));
    assertThatThrownBy(() -> w.write(target))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("produced 12 bytes, its shape needs 16");
    assertThat(filesIn(dir)).isEmpty();
  }

  @Test
  void aFileLargerThanTheFreeSpaceIsRefusedBeforeWriting() throws IOException {
    long free = Files.getFileStore(dir).getUsableSpace();
    long rows = free / 4096 + 1024;
    TensorData never =
        out -> {
          throw new AssertionError("must not be asked for data");
        };
    GgufWriter w = GgufWriter.create().tensor("huge", GgmlType.F32, List.of(1024L, rows), never);
    assertThatThrownBy(() -> w.write(dir.resolve("huge.gguf")))
        .isInstanceOf(GgufWriteException.class)
        .hasMessageContaining("not enough disk space");
    assertThat(filesIn(dir)).isEmpty();
  }

  private static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }
}
