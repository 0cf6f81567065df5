package dev.tokbench.formats.tinygrad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.results.BenchResult;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Harness output damaged in the ways files get damaged, starting from a real capture. */
class TinygradBenchBadInputTest {
  @TempDir Path dir;
  private int files;

  private static List<String> real() throws Exception {
    return Files.readAllLines(TinygradBenchTest.harness("cpu_1b_q6k_pp64_tg16.stdout"));
  }

  private Path file(String... lines) throws Exception {
    return Files.write(dir.resolve("bench-" + ++files + ".jsonl"), List.of(lines));
  }

  @Test
  void aLineCutShortIsMalformedJsonAtItsLineCountingNewlinesOnly() throws Exception {
    String pp = real().get(0);
    String frames =
        " 10%|#  | 2/20\r 20%|## | 4/20\r"; // tqdm's frames: one line, as grep -n counts
    Path f = file("loaded weights in 11155.07 ms", frames, pp.substring(0, pp.length() / 2));

    assertThatThrownBy(() -> TinygradBench.read(f))
        .isInstanceOfSatisfying(
            TinygradBenchException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageStartingWith(f + ":3: malformed JSON");
  }

  @Test
  void aMissingOrMistypedKeyIsNamedWithWhatWasExpected() throws Exception {
    String pp = real().get(0);
    Path missing = file(pp.replace("\"rep_ms\":", "\"rep_ms_renamed\":"));
    Path negative = file(real().get(1).replaceFirst("\"token_ms\":\\[\\[", "\"token_ms\":[[-1,"));

    assertThatThrownBy(() -> TinygradBench.read(missing))
        .hasMessage(missing + ":1: key 'rep_ms': expected an array of numbers, got nothing");
    assertThatThrownBy(() -> TinygradBench.read(negative))
        .hasMessageStartingWith(negative + ":1: key 'token_ms[0][0]': expected a positive number");
  }

  @Test
  void countsThatContradictTheTestNameAreRefused() throws Exception {
    Path f = file(real().get(0).replace("\"test\":\"pp64\"", "\"test\":\"pp512\""));

    assertThatThrownBy(() -> TinygradBench.read(f))
        .hasMessageContaining("key 'test': 'pp512' does not match its counts (pp64)");
  }

  @Test
  void aNewerSchemaOrAnUnknownKindIsRefusedNotGuessed() throws Exception {
    Path newer = file(real().get(0).replace("tinygrad_bench/1", "tinygrad_bench/2"));
    Path kind = file(real().get(0).replace("\"kind\":\"pp\"", "\"kind\":\"search\""));

    assertThatThrownBy(() -> TinygradBench.read(newer))
        .isInstanceOf(TinygradBenchException.class)
        .hasMessageContaining("schema 'tokbench.tinygrad_bench/2'");
    assertThatThrownBy(() -> TinygradBench.read(kind))
        .hasMessageContaining("key 'kind': 'search', expected pp, tg or error");
  }

  @Test
  void aFileWithoutHarnessLinesIsAnErrorNotZeroRows() throws Exception {
    Path f = file("{\"avg_ts\": 1.0}", "total  20.80 ms, 48.07 tok/s, 238.79 GB/s, param 1 GB/s");

    assertThatThrownBy(() -> TinygradBench.read(f))
        .hasMessageStartingWith(f + ":1: no tinygrad_bench line");
  }

  @Test
  void anEndlessHarnessLineIsRefusedWithoutHoldingIt() throws Exception {
    Path f = dir.resolve("endless.jsonl");
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write("{\"schema\":\"tokbench.tinygrad_bench/1\",\"token_ms\":[");
      String chunk = "1.5,".repeat(1 << 14);
      for (int i = 0; i < 64; i++) w.write(chunk); // 4 MiB on one line
    }

    assertThatThrownBy(() -> TinygradBench.read(f))
        .hasMessage(f + ":1: line longer than 1048576 characters");
  }

  @Test
  void tinygradsOwnOutputAroundTheLinesIsSkipped() throws Exception {
    List<String> lines = real();
    String tqdm = "ram used:  0.32 GB, layers.0.attention.wq.weight   :   5%|\r".repeat(40);
    Path mixed =
        file("seed = 42", lines.get(0), tqdm, "\u001b[32mJIT captured\u001b[0m", lines.get(1));

    List<BenchResult> rows = TinygradBench.read(mixed);

    assertThat(rows)
        .extracting(BenchResult::samples)
        .containsExactlyElementsOf(
            TinygradBench.read(TinygradBenchTest.harness("cpu_1b_q6k_pp64_tg16.stdout")).stream()
                .map(BenchResult::samples)
                .toList());
  }
}
