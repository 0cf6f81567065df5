package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The worked examples of docs/energy.md are the code's output: every {@code $ tokbench energy}
 * block there is run on the fixture it names (the H100's telemetry.csv, the H200's
 * batched-power.csv, copied into test resources) and the lines under it must be what it prints.
 */
class EnergyWorkedExamplesTest {
  private static final Path DOC = Path.of("../docs/energy.md");
  private static final Map<String, String> FIXTURES =
      Map.of("telemetry.csv", "h100-telemetry.csv", "batched-power.csv", "h200-batched-power.csv");

  /** A command of the page and the lines the page shows under it. */
  private record Example(String command, List<String> shown) {}

  private static List<Example> examples() throws Exception {
    List<Example> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(DOC);
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("$ tokbench energy ")) continue;
      List<String> shown = new ArrayList<>();
      for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("```"); j++)
        shown.add(lines.get(j));
      out.add(new Example(lines.get(i).substring(2), shown));
    }
    return out;
  }

  private static String run(List<String> args) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine(args.toArray(String[]::new));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
    return out.toString();
  }

  @Test
  void everyEnergyCommandOnThePagePrintsWhatThePageShows() throws Exception {
    List<Example> all = examples();
    assertThat(all).hasSizeGreaterThanOrEqualTo(3);
    for (Example e : all) {
      List<String> words = new ArrayList<>(Arrays.asList(e.command().split(" ")));
      String file = words.get(2);
      assertThat(FIXTURES).as("the fixture of: " + e.command()).containsKey(file);
      Path fixture = Path.of("src/test/resources/energy", FIXTURES.get(file));
      words.set(2, fixture.toString());
      String printed = run(words.subList(1, words.size()));
      // the page names the file as the user has it (the fixture's copy has a device prefix)
      List<String> expected =
          printed.replace(fixture.getFileName() + ":", file + ":").lines().toList();
      assertThat(e.shown()).as(e.command()).containsExactlyElementsOf(expected);
    }
  }
}
