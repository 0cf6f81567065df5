package dev.tokbench.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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

  @Test
  void aLineBeyondTheLimitKeepsItsStartAndSaysHowMuchWasDropped() {
    List<String> lines = new ArrayList<>();
    LineSplitter s = new LineSplitter(lines::add, 10);
    byte[] bytes = "0123456789abcdef\nnext\nno end 0123456789".getBytes(StandardCharsets.UTF_8);

    s.accept(bytes, 12); // the long line arrives in two reads
    s.accept(Arrays.copyOfRange(bytes, 12, bytes.length), bytes.length - 12);
    s.finish();

    assertThat(lines)
        .containsExactly(
            "0123456789 [tokbench: 6 more bytes of this line dropped]",
            "next",
            "no end 012 [tokbench: 7 more bytes of this line dropped]");
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
