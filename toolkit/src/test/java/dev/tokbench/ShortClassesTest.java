package dev.tokbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** STYLE.md's "short classes": a source file over 300 lines is split before it lands. */
class ShortClassesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/tokbench");
  private static final int MAX_LINES = 300;

  @Test
  void everyMainSourceFileHasAtMost300Lines() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<String> tooLong =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> lines(p) > MAX_LINES)
              .map(p -> SOURCES.relativize(p) + " (" + lines(p) + " lines)")
              .sorted()
              .toList();
      assertThat(tooLong).as("files over %d lines", MAX_LINES).isEmpty();
    }
  }

  private static long lines(Path p) {
    try (Stream<String> s = Files.lines(p)) {
      return s.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
