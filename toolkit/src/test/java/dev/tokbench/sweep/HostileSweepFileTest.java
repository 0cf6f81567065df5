package dev.tokbench.sweep;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadLineException;
import dev.tokbench.InputLimitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweep files built to hurt (alias bombs, deep nesting, axes that multiply out to billions of
 * points, a file of many megabytes) are refused before they cost memory, naming the file, the line
 * and the limit.
 */
class HostileSweepFileTest {
  @TempDir Path dir;

  private Path yaml(String text) throws IOException {
    return Files.writeString(dir.resolve("sweep.yaml"), text);
  }

  @Test
  void anAliasIsRefusedAtItsLineRatherThanReadAsText() throws IOException {
    // the classic "billion laughs": each level repeats the one before nine times
    StringBuilder bomb = new StringBuilder("name: laughs\nstore: s.jsonl\naxes:\n");
    bomb.append("  a: &a [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]\n");
    bomb.append("  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n");
    bomb.append("run: {framework: embedded}\n");
    Path file = yaml(bomb.toString());
    assertThatThrownBy(() -> SweepFile.read(file))
        .isInstanceOf(BadLineException.class)
        .hasMessageStartingWith(file + ":5: YAML aliases (*name) are not supported");
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedNamingTheLimit() throws IOException {
    Path file = yaml("name: deep\nstore: s.jsonl\naxes:\n  a: " + "[".repeat(5_000) + "]\n");
    assertThatThrownBy(() -> SweepFile.read(file))
        .isInstanceOf(InputLimitException.class)
        .hasMessageStartingWith(file + ":4: nesting deeper than 32 levels")
        .hasMessageContaining("a sweep file may have 32 levels");
  }

  @Test
  void axesThatMultiplyOutPastTheLimitAreRefusedBeforeAnyPointIsMade() throws IOException {
    String ten =
        IntStream.range(0, 10).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(", "));
    StringBuilder axes = new StringBuilder();
    for (int i = 0; i < 9; i++)
      axes.append("  a").append(i).append(": [").append(ten).append("]\n");
    Path file = yaml("name: huge\nstore: s.jsonl\naxes:\n" + axes + "run: {framework: embedded}\n");
    assertThatThrownBy(() -> SweepFile.read(file))
        .isInstanceOf(InputLimitException.class)
        .hasMessageStartingWith(
            file + ":3: 1,000,000 points; a sweep file may have at most 100,000 points");
  }

  @Test
  void aFileLargerThanTheLimitIsRefusedUnread() throws IOException {
    Path file = yaml("name: big\n" + "#\n".repeat(600_000));
    assertThatThrownBy(() -> SweepFile.read(file))
        .isInstanceOf(InputLimitException.class)
        .hasMessageContaining(
            file
                + ":1: the file is 1,200,010 bytes; a sweep file may have at most 1,048,576 bytes");
  }

  @Test
  void aRepeatedKeyIsAnErrorAtItsLine() throws IOException {
    Path file =
        yaml("name: a\nstore: s.jsonl\nname: b\naxes: {x: [\"1\"]}\nrun: {framework: embedded}\n");
    assertThatThrownBy(() -> SweepFile.read(file))
        .isInstanceOf(BadLineException.class)
        .hasMessageStartingWith(file + ":3: not valid YAML: Duplicate field 'name'");
  }
}
