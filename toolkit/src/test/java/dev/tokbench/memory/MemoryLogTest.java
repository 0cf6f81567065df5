package dev.tokbench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.memory.BufferSize.Component;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading llama.cpp's memory lines from real logs, and refusing malformed ones with file and line.
 */
class MemoryLogTest {
  @TempDir Path tmp;

  private static MemoryLog fixture() {
    return MemoryLog.read(MemoryFixtures.file(MemoryFixtures.H200_BREAKDOWN));
  }

  @Test
  void theH200FixtureHasTwelveConfigurationsAndTwoFitRuns() {
    MemoryLog log = fixture();

    assertThat(log.sections()).hasSize(14);
    assertThat(log.sections().stream().filter(s -> s.label().startsWith("fit "))).hasSize(2);
    MemorySection first = log.sections().get(0);
    assertThat(first.label()).isEqualTo("llama-3.2-1b-Q4_K_M c=4096 ctk=f16");
    assertThat(first.model()).isEqualTo("llama-3.2-1b-Q4_K_M");
    assertThat(first.settings()).containsEntry("c", "4096").containsEntry("ctk", "f16");
  }

  @Test
  void buffersAreTheLastStatedSoTheFitProbesZerosGiveWayToTheRealLoad() {
    MemorySection s = fixture().section("llama-3.2-1b-Q4_K_M c=4096 ctk=f16").orElseThrow();

    assertThat(s.buffer(Component.MODEL, "CUDA0").orElseThrow().mib()).isEqualTo(762.81);
    assertThat(s.buffer(Component.MODEL, "CPU_Mapped").orElseThrow().mib()).isEqualTo(205.49);
    assertThat(s.buffer(Component.KV, "CUDA0").orElseThrow().mib()).isEqualTo(128.00);
    assertThat(s.buffer(Component.OUTPUT, "CUDA_Host").orElseThrow().mib()).isEqualTo(0.49);
    MeasuredBuffer compute = s.buffer(Component.COMPUTE, "CUDA_Host").orElseThrow();
    assertThat(compute.mib()).isEqualTo(12.0137); // ~llama_context's four decimals at exit
    assertThat(compute.function()).isEqualTo("~llama_context");
  }

  @Test
  void aSelfUnderAThousandMibIsPaddedInsideTheParenthesisAndAGzippedLogReads() throws IOException {
    // real rows of the H200 matrix (-ngl 8 and -ngl 0 on the 1B), in a gzipped log
    String log =
        "== llama-3.2-1b-Q4_K_M c=4096 ngl=8\n"
            + "0.00.337.813 I common_memory_breakdown_print: |   - CUDA0 (H200)       | 143155 = "
            + "134765 + ( 766 =   451 +      56 +     258) +        7624 |\n"
            + "0.00.337.814 I common_memory_breakdown_print: |   - CUDA0 (H200)       | 143155 = "
            + "134305 + ( 459 =     0 +       0 +     459) +        8390 |\n";
    Path gz = tmp.resolve("matrix.log.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(log.getBytes(StandardCharsets.UTF_8));
    }

    MemorySection s = MemoryLog.read(gz).sections().get(0);

    assertThat(s.breakdowns()).extracting(MeasuredBreakdown::selfMib).containsExactly(766L, 459L);
    assertThat(s.breakdown("CUDA0").orElseThrow().computeMib()).isEqualTo(459);
    assertThat(s.breakdown("CUDA0").orElseThrow().unaccountedMib()).hasValue(8390);
  }

  @Test
  void breakdownRowsKeepTotalFreeSelfAndUnaccountedOfTheExitTable() {
    MemorySection s = fixture().section("llama-3.2-1b-Q4_K_M c=4096 ctk=f16").orElseThrow();

    MeasuredBreakdown gpu = s.breakdown("CUDA0").orElseThrow();
    assertThat(gpu.device()).isEqualTo("CUDA0 (H200)");
    assertThat(gpu.totalMib()).hasValue(143155);
    assertThat(gpu.freeMib()).hasValue(141411);
    assertThat(gpu.selfMib()).isEqualTo(1145);
    assertThat(gpu.modelMib()).isEqualTo(762);
    assertThat(gpu.contextMib()).isEqualTo(128);
    assertThat(gpu.computeMib()).isEqualTo(254);
    assertThat(gpu.unaccountedMib()).hasValue(599);
    MeasuredBreakdown host = s.breakdown("Host").orElseThrow();
    assertThat(host.selfMib()).isEqualTo(217);
    assertThat(host.totalMib()).isEmpty();
  }

  @Test
  void kvCacheSummaryAndFitProjectionsAreRead() {
    MemorySection s = fixture().section("qwen3-1.7b-Q4_K_M c=131072 ctk=q8_0").orElseThrow();

    MeasuredKvCache kv = s.kvCaches().get(s.kvCaches().size() - 1);
    assertThat(kv.cells()).isEqualTo(131072);
    assertThat(kv.layers()).isEqualTo(28);
    assertThat(kv.typeK()).isEqualTo("q8_0");
    assertThat(kv.kMib()).isEqualTo(3808.00);
    assertThat(s.projections())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.device()).isEqualTo("device");
              assertThat(p.usedMib()).isEqualTo(9322);
              assertThat(p.freeMib()).isEqualTo(142629);
            });
  }

  @Test
  void aLogWithoutHeadersIsOneSectionAndAServerLogWithoutMemoryLinesIsEmpty() throws IOException {
    String log =
        "llama_context:  CUDA_Host  output buffer size =     0.49 MiB\n"
            + "sched_reserve:      CUDA0 compute buffer size =   254.50 MiB\r\n";
    MemoryLog one = MemoryLog.parse("inline", new StringReader(log));
    assertThat(one.sections())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.label()).isEmpty();
              assertThat(s.buffers()).hasSize(2);
            });

    MemoryLog server = MemoryLog.read(MemoryFixtures.file(MemoryFixtures.H200_SERVER));
    assertThat(server.sections()).singleElement().satisfies(s -> assertThat(s.buffers()).isEmpty());
  }

  @Test
  void olderLlamaCppsFunctionNamesAndWordingAreReadToo() throws IOException {
    String log =
        "llm_load_tensors:        CUDA0 buffer size =  4403.49 MiB\n"
            + "llama_kv_cache_unified:      CUDA0 KV buffer size =  4096.00 MiB\n"
            + "llama_new_context_with_model:      CUDA0 compute buffer size =   258.50 MiB\n"
            + "llama_new_context_with_model:  CUDA_Host  output buffer size =     0.49 MiB\n";

    MemorySection s = MemoryLog.parse("2024.log", new StringReader(log)).sections().get(0);

    assertThat(s.buffer(Component.MODEL, "CUDA0").orElseThrow().mib()).isEqualTo(4403.49);
    assertThat(s.buffer(Component.KV, "CUDA0").orElseThrow().mib()).isEqualTo(4096.00);
    assertThat(s.buffer(Component.COMPUTE, "CUDA0").orElseThrow().mib()).isEqualTo(258.50);
    assertThat(s.buffer(Component.OUTPUT, "CUDA_Host")).isPresent();
  }

  @Test
  void aMalformedBufferLineIsAnErrorNamingTheFileAndLine() throws IOException {
    Path bad = tmp.resolve("bad.log");
    Files.writeString(bad, "== x c=4096\nload_tensors:  CUDA0 model buffer size = lots MiB\n");

    assertThatThrownBy(() -> MemoryLog.read(bad))
        .isInstanceOf(MemoryLogException.class)
        .hasMessageContaining("bad.log:2:")
        .hasMessageContaining("cannot read this load_tensors line")
        .satisfies(e -> assertThat(((MemoryLogException) e).line()).isEqualTo(2));
  }

  @Test
  void aBreakdownRowCutShortIsAnError() throws IOException {
    String text = "common_memory_breakdown_print: |   - CUDA0 (H200) | 143155 = 142629 + (1145";

    assertThatThrownBy(() -> MemoryLog.parse("cut.log", new StringReader(text)))
        .isInstanceOf(MemoryLogException.class)
        .hasMessageStartingWith("cut.log:1: cannot read this common_memory_breakdown_print line");
  }

  @Test
  void aBreakdownNumberTooLargeForALongIsAnErrorAtItsLine() {
    // found by fuzzing (crash-c6aa044b): was a NumberFormatException
    String text =
        "== x\ncommon_memory_breakdown_print: |   - CUDA0 (H200) | 2088888888888888888885 ="
            + " 141411 + (1145 =   763 +     128 +     254) +         599 |\n";

    assertThatThrownBy(() -> MemoryLog.parse("big.log", new StringReader(text)))
        .isInstanceOf(MemoryLogException.class)
        .hasMessageStartingWith(
            "big.log:2: a number too large in this common_memory_breakdown_print line");
  }

  @Test
  void anEndlessLineIsReadOnlyUpToTheBoundAndAPromptQuotingALogIsIgnored() throws IOException {
    StringBuilder huge = new StringBuilder("user prompt: ");
    huge.append("x".repeat(3 * MemoryLog.MAX_LINE_CHARS));
    String text =
        huge
            + "\nprompt: load_tensors CUDA0 model buffer size = 1 MiB\n"
            + "load_tensors:        CUDA0 model buffer size =   762.81 MiB\n";

    MemoryLog log = MemoryLog.parse("long.log", new StringReader(text));

    assertThat(log.sections().get(0).buffers())
        .singleElement()
        .satisfies(b -> assertThat(b.line()).isEqualTo(3));
  }

  @Test
  void anOverlongMemoryLineIsAnErrorNotAGuess() {
    String text =
        "sched_reserve: CUDA0 compute buffer size = 1" + "0".repeat(MemoryLog.MAX_LINE_CHARS);

    assertThatThrownBy(() -> MemoryLog.parse("long.log", new StringReader(text)))
        .isInstanceOf(MemoryLogException.class)
        .hasMessageContaining("long.log:1: the line is longer than");
  }

  @Test
  void bytesThatAreNotUtf8DoNotStopTheReading() throws IOException {
    Path f = tmp.resolve("latin1.log");
    byte[] junk = {(byte) 0xff, (byte) 0xfe, '\n'};
    byte[] line =
        "llama_kv_cache:      CUDA0 KV buffer size =   128.00 MiB\n"
            .getBytes(StandardCharsets.UTF_8);
    Files.write(f, concat(junk, line));

    assertThat(MemoryLog.read(f).sections().get(0).buffer(Component.KV, "CUDA0")).isPresent();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
