package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import dev.tokbench.DataFileException;
import dev.tokbench.bandwidth.UnknownUnitException;
import dev.tokbench.device.UnknownDeviceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copy of the Orin folder with one file broken at a time: each error names file and line. */
class BadDataFolderTest {
  @TempDir Path dir;

  @BeforeEach
  void copyOrinFolder() throws IOException {
    try (Stream<Path> files = Files.list(TestData.orin())) {
      for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
  }

  private void replace(String file, String from, String to) throws IOException {
    Path p = dir.resolve(file);
    String text = Files.readString(p);
    if (!text.contains(from)) throw new AssertionError(from + " not in " + file);
    Files.writeString(p, text.replace(from, to));
  }

  @Test
  void malformedNumberIsReportedWithFileLineAndColumn() throws IOException {
    replace("llama-cpp.csv", "1386.12", "1386,12");
    assertThatThrownBy(() -> Report.from(dir))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("llama-cpp.csv:4: expected 9 cells, found 10");
  }

  @Test
  void textWhereANumberBelongsNamesTheColumn() throws IOException {
    replace("tinygrad.csv", "131.7", "fast");
    assertThatThrownBy(() -> Report.from(dir))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("tinygrad.csv:2: column 'ms_per_token': 'fast' is not a number");
  }

  @Test
  void missingColumnListsWhatIsThere() throws IOException {
    replace("llama-cpp.csv", "tokens_per_s_stddev", "stddev");
    assertThatThrownBy(() -> Report.from(dir))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("llama-cpp.csv:1: missing columns [tokens_per_s_stddev]");
  }

  @Test
  void unknownUnitIsReportedWithItsLine() throws IOException {
    replace("quoted.csv", "36.71,tok/s", "36.71,tokens");
    assertThatThrownBy(() -> Report.from(dir))
        .isInstanceOf(UnknownUnitException.class)
        .hasMessageContaining("quoted.csv:2: column 'unit': unknown unit 'tokens'");
  }

  @Test
  void unknownDeviceIsReportedWithItsLineAndCloseNames() throws IOException {
    replace("device.csv", "Jetson AGX Orin 64GB", "Jetson AGX Xavier");
    assertThatThrownBy(() -> Report.from(dir))
        .isInstanceOf(UnknownDeviceException.class)
        .hasMessageContaining("device.csv:2: unknown device 'Jetson AGX Xavier'")
        .hasMessageContaining("Jetson AGX Orin 64GB");
  }

  @Test
  void resultForAModelMissingFromTheInventoryIsNotDropped() throws IOException {
    replace("llama-cpp.csv", "Qwen3 1.7B,Q4_K_M,off,pp512", "Qwen3 4B,Q4_K_M,off,pp512");
    assertThatThrownBy(() -> Report.from(dir))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("llama-cpp.csv:16: model 'Qwen3 4B' Q4_K_M is not in models.csv");
  }

  @Test
  void unknownStatusAndFlashAttentionAreBadInput() throws IOException {
    replace("frameworks.csv", "vllm,vLLM,not-installed", "vllm,vLLM,broken");
    assertThatThrownBy(() -> Report.from(dir))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("frameworks.csv:2: unknown status 'broken'");
  }

  @Test
  void handDrawnBarWithOtherCharactersIsRejected() throws IOException {
    replace("ascii-bars.csv", "tinygrad CUDA,2.93,██▉", "tinygrad CUDA,2.93,##");
    assertThatThrownBy(() -> Report.from(dir))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("ascii-bars.csv:9:");
  }

  @Test
  void missingFolderIsBadInput() {
    assertThatThrownBy(() -> Report.from(dir.resolve("nope")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no data folder");
  }
}
