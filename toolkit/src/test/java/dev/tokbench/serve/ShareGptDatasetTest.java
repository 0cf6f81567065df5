package dev.tokbench.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import dev.tokbench.BadLineException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ShareGPT files that are not UTF-8 JSON are refused with where, not an UncheckedIOException. */
class ShareGptDatasetTest {
  @TempDir Path tmp;

  private static final String TWO =
      "[{\"conversations\": [{\"from\": \"human\", \"value\": \"Capital of France?\"},"
          + " {\"from\": \"gpt\", \"value\": \"Paris.\"}]},\n"
          + " {\"conversations\": [{\"from\": \"human\", \"value\": \"2+2?\"},"
          + " {\"from\": \"gpt\", \"value\": \"4\"}]}]\n";

  @Test
  void aFileStartingWithNulBytesIsRefusedAtLineOneNotTakenForUtf32() throws Exception {
    // found by fuzzing (crash-4de51af1): 01 00 00 00 made Jackson read UTF-32 and fail with a
    // CharConversionException, which came out as "cannot read dataset FILE"
    Path f = tmp.resolve("nul.json");
    byte[] json = TWO.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[json.length + 8];
    bytes[0] = 1;
    System.arraycopy(json, 0, bytes, 8, json.length);
    Files.write(f, bytes);

    assertThatThrownBy(() -> ShareGptDataset.sample(f, 2, 7))
        .isInstanceOf(BadLineException.class)
        .hasMessage(
            f
                + ":1: not UTF-8 JSON: starts with bytes 01 00 00 00 (UTF-16 or UTF-32?);"
                + " a ShareGPT dataset is UTF-8");
  }

  @Test
  void aByteThatIsNotUtf8IsAJsonErrorWithItsLine() throws Exception {
    Path f = tmp.resolve("bad.json");
    byte[] json = TWO.getBytes(StandardCharsets.UTF_8);
    int at = TWO.indexOf("2+2");
    json[at] = (byte) 0xF7;
    Files.write(f, json);

    assertThatThrownBy(() -> ShareGptDataset.sample(f, 2, 7))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(f + " line 2 column ")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void aUtf8FileReadsAsBefore() throws Exception {
    Path f = tmp.resolve("ok.json");
    Files.writeString(f, TWO);

    PromptSource prompts = ShareGptDataset.sample(f, 2, 7);

    assertThat(prompts.capacity()).isEqualTo(2);
    assertThat(java.util.List.of(prompts.prompt(0).text(), prompts.prompt(1).text()))
        .containsExactlyInAnyOrder("Capital of France?", "2+2?");
  }
}
