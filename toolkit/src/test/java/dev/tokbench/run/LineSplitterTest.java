package dev.tokbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  @Test
  void endsLinesWhereBufferedReaderDoes() throws IOException {
    String text = "a\nb\r\nc\rd\r\r\ne\n\nlast without newline";

    assertThat(split(text.getBytes(StandardCharsets.UTF_8), 1 << 16)).isEqualTo(readLines(text));
    assertThat(split(text.getBytes(StandardCharsets.UTF_8), 1 << 16))
        .containsExactly("a", "b", "c", "d", "", "e", "", "last without newline");
  }

  @Test
  void crLfSplitAcrossTwoReadsIsOneLineEnd() throws IOException {
    // the process's writes can cut "\r\n" in two: tqdm frames end with '\r', Windows lines with
    // both
    byte[] bytes = "frame 1\r\nframe 2\r".getBytes(StandardCharsets.UTF_8);

    assertThat(split(bytes, 8)).containsExactly("frame 1", "frame 2");
  }

  @Test
  void multiByteCharactersAndLinesLongerThanOneReadSurviveIntact() throws IOException {
    String generated = "Größe 東京 🦙 ".repeat(5000); // tinygrad echoes generated text, any bytes
    String text = "first\n" + generated + "\nlast\n";

    assertThat(split(text.getBytes(StandardCharsets.UTF_8), 7))
        .containsExactly("first", generated, "last");
  }

  /** Splits {@code bytes} delivered {@code chunk} bytes per read, as a slow pipe would. */
  private static List<String> split(byte[] bytes, int chunk) throws IOException {
    List<String> lines = new ArrayList<>();
    InputStream in =
        new ByteArrayInputStream(bytes) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
          }
        };
    LineSplitter.forEachLine(in, lines::add);
    return lines;
  }

  private static List<String> readLines(String text) throws IOException {
    List<String> lines = new ArrayList<>();
    BufferedReader r = new BufferedReader(new StringReader(text));
    for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
    return lines;
  }
}
