package dev.tokbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReadLimits#read}: strict UTF-8 with the bad byte's offset and line, and line lengths. */
class ReadLimitsTest {
  private static final ReadLimits THREE_A_LINE = new ReadLimits("test file", 1 << 20, 3, 1, 8, 8);

  @TempDir Path dir;

  private Path file(byte[] bytes) throws IOException {
    return Files.write(dir.resolve("f.txt"), bytes);
  }

  @Test
  void asciiAndOtherUtf8ReadAsTheirText() throws IOException {
    for (String text : new String[] {"a,b\r\n1,2\n", "Jetson Orin — 7.5 tok/s ✓\n", ""}) {
      Path f = file(text.getBytes(StandardCharsets.UTF_8));
      assertThat(ReadLimits.RESULTS.read(f)).isEqualTo(text);
    }
  }

  @Test
  void aMalformedByteIsReportedWithItsOffsetAndLine() throws IOException {
    Path f = file(new byte[] {'a', '\n', 'b', '\r', '\n', 'c', (byte) 0xff, 'd'});
    assertThatThrownBy(() -> ReadLimits.RESULTS.read(f))
        .isInstanceOfSatisfying(BadLineException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("not UTF-8: a malformed byte at offset 6");
  }

  @Test
  void aTruncatedSequenceAfterAsciiIsStillMalformed() throws IOException {
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    Path f = file(new byte[] {'x', '\r', 'y', euro[0], euro[1]});
    assertThatThrownBy(() -> ReadLimits.RESULTS.read(f))
        .isInstanceOfSatisfying(BadLineException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageContaining("offset 3");
  }

  @Test
  void crLfIsOneBreakAndALoneCrIsABreak() {
    assertThat(THREE_A_LINE.check("abc\r\ndef\rghi\nxyz\r", "t")).startsWith("abc");
    assertThatThrownBy(() -> THREE_A_LINE.check("ab\r\r\nabcd\n", "t"))
        .isInstanceOfSatisfying(InputLimitException.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("line 3 is 4 characters long")
        .hasMessageContaining("at most 3 characters");
    assertThatThrownBy(() -> THREE_A_LINE.check("a\nb\nabcde", "t"))
        .hasMessageContaining("line 3 is 5 characters long");
  }

  @Test
  void lineLengthsAreCheckedAsTheCharacterByCharacterScanDid() {
    Random random = new Random(7);
    char[] alphabet = {'a', 'a', 'a', '\r', '\n'};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(16); i > 0; i--) text.append(alphabet[random.nextInt(5)]);
      String s = text.toString();
      String ours;
      try {
        ours = THREE_A_LINE.check(s, "t") == s ? "ok" : "changed";
      } catch (InputLimitException e) {
        ours = e.getMessage();
      }
      assertThat(ours)
          .as("checking %s", s.replace("\r", "\\r").replace("\n", "\\n"))
          .isEqualTo(scannedCharByChar(s));
    }
  }

  /** The check as it was: a character at a time. */
  private static String scannedCharByChar(String text) {
    int start = 0;
    long line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\r') continue;
      if (i - start > 3) return tooLong(line, i - start);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
      start = i + 1;
      line++;
    }
    return text.length() - start > 3 ? tooLong(line, text.length() - start) : "ok";
  }

  private static String tooLong(long line, int chars) {
    return "t:"
        + line
        + ": line "
        + line
        + " is "
        + chars
        + " characters long; a test file may"
        + " have lines of at most 3 characters (docs/limits.md)";
  }
}
