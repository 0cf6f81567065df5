package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files read several at a time come back in the files' order, and the first file that cannot be
 * read (in that order, not in the order the threads finish) is the error the caller sees.
 */
class ReadAheadTest {
  @TempDir Path dir;

  private List<Path> files(int n) throws IOException {
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Path f = dir.resolve("results-" + i + ".csv");
      Files.writeString(f, i == 3 || i == 5 ? "bad " + i : "x".repeat(100_000 * (n - i)));
      out.add(f);
    }
    return out;
  }

  private static String read(Path f) {
    try {
      String s = Files.readString(f);
      if (s.startsWith("bad")) throw new IllegalArgumentException(f.getFileName() + ": " + s);
      return f.getFileName() + " " + s.length();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void resultsComeInTheFilesOrder() throws IOException {
    List<Path> files = files(3);
    assertThat(ReadAhead.inOrder(files, ReadAheadTest::read))
        .containsExactly("results-0.csv 300000", "results-1.csv 200000", "results-2.csv 100000");
  }

  @Test
  void theFirstUnreadableFileInOrderIsTheError() throws IOException {
    List<Path> files = files(8);
    assertThatThrownBy(() -> ReadAhead.inOrder(files, ReadAheadTest::read))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("results-3.csv: bad 3");
  }
}
