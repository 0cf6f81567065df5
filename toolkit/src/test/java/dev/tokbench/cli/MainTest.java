package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  @Test
  void eachSubcommandIsRegisteredUnderItsOwnCommandName() {
    List<String> names = Subcommands.names();

    assertThat(Main.commandLine().getSubcommands().keySet())
        .containsExactlyInAnyOrderElementsOf(concat(names, "help"));
    for (String name : names) {
      assertThat(Main.commandLine(name).getSubcommands()).containsOnlyKeys(name, "help");
    }
  }

  @Test
  void theCommandLineBuiltForOneSubcommandBehavesAsTheFullOne() {
    String[][] cases = {
      {"run", "llama-bench", "--help"},
      {"import", "--format"},
      {"gguf", "inspect", "/nonexistent.gguf"},
      {"--version"},
      {"sweeep"},
      {}
    };
    for (String[] args : cases) {
      assertThat(outcome(Main.commandLine(args), args))
          .as(String.join(" ", args))
          .isEqualTo(outcome(Main.commandLine(), args));
    }
  }

  private static String outcome(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(out, true));
    int code = cl.execute(args);
    return code + "\n" + out;
  }

  private static List<String> concat(List<String> names, String more) {
    List<String> all = new ArrayList<>(names);
    all.add(more);
    return all;
  }
}
