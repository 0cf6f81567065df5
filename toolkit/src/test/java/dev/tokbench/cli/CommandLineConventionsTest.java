package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a new user meets on the command line, for every command: {@code --help} prints help and
 * exits 0, a group command without its subcommand prints usage on stderr and exits 2, help texts
 * are whole sentences, every option says what it is, and no file name is broken across lines.
 */
class CommandLineConventionsTest {
  private static final Pattern FILE_LIKE =
      Pattern.compile("[A-Za-z0-9_$*{}~-]*[A-Za-z0-9_*}~-][./][A-Za-z0-9_.*/{}$~-]*[A-Za-z0-9_*}]");

  record Outcome(int status, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Outcome(cl.execute(args), out.toString(), err.toString());
  }

  /** Every command and subcommand, with the arguments that name it. */
  private static List<List<String>> commands() {
    List<List<String>> out = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), out);
    return out;
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
    out.add(List.copyOf(path));
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals("help")) return;
              List<String> next = new ArrayList<>(path);
              next.add(name);
              collect(sub, next, out);
            });
  }

  private static CommandSpec spec(List<String> path) {
    CommandLine cl = Main.commandLine();
    for (String name : path) cl = cl.getSubcommands().get(name);
    return cl.getCommandSpec();
  }

  @Test
  void everyCommandsHelpGoesToStdoutAndExitsZero() {
    for (List<String> path : commands()) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      Outcome o = run(args.toArray(String[]::new));
      assertThat(o.status()).as(String.join(" ", args) + "\n" + o.err()).isZero();
      assertThat(o.out()).as(String.join(" ", args)).startsWith("Usage: tokbench");
      assertThat(o.err()).as(String.join(" ", args)).isEmpty();
    }
    assertThat(run("notebook", "run", "--help").out()).contains("--in-place");
  }

  @Test
  void tokbenchAlonePrintsUsageOnStderrAndExitsTwo() {
    Outcome o = run();
    assertThat(o.status()).isEqualTo(2);
    assertThat(o.out()).isEmpty();
    assertThat(o.err()).startsWith("Usage: tokbench").contains("Commands:");
    for (String group : List.of("run", "gguf", "kernel", "notebook")) {
      assertThat(run(group).status()).as(group + " lists its subcommands").isZero();
      assertThat(run(group).out()).startsWith("Usage: tokbench " + group);
    }
  }

  @Test
  void descriptionsAreWholeSentencesAndEveryOptionHasOne() {
    List<String> wrong = new ArrayList<>();
    for (List<String> path : commands()) {
      CommandSpec spec = spec(path);
      String where = ("tokbench " + String.join(" ", path)).trim();
      for (String line : spec.usageMessage().description()) {
        if (!line.isEmpty() && !sentence(line)) wrong.add(where + ": " + line);
      }
      for (ArgSpec arg : spec.args()) {
        String text = String.join(" ", arg.description()).trim();
        String name = arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : "";
        if (!sentence(text)) wrong.add(where + " " + name + " " + arg.paramLabel() + ": " + text);
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** Starts with a capital (or a name written as code) and ends with a full stop. */
  private static boolean sentence(String text) {
    if (text.isEmpty()) return false;
    char first = text.charAt(0);
    boolean starts =
        Character.isUpperCase(first) || "$`\"-".indexOf(first) >= 0 || text.startsWith("llama");
    return starts && (text.endsWith(".") || text.endsWith(".)") || text.endsWith(":"));
  }

  @Test
  void noFileNameOrPathInHelpIsBrokenAcrossLines() {
    List<String> broken = new ArrayList<>();
    for (List<String> path : commands()) {
      CommandSpec spec = spec(path);
      List<String> lines = run(helpArgs(path)).out().lines().toList();
      List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
      texts.addAll(List.of(spec.usageMessage().footer()));
      for (ArgSpec arg : spec.args()) texts.addAll(List.of(arg.description()));
      for (String text : texts) {
        Matcher m = FILE_LIKE.matcher(text);
        while (m.find()) {
          String word = m.group();
          // each time the texts say it, a line must show it whole: one whole copy elsewhere
          // (the usage line, another option) does not excuse a broken one
          if (word.contains("${") || times(word, lines) >= times(word, texts)) continue;
          broken.add(String.join(" ", path) + ": " + word);
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  private static long times(String word, List<String> texts) {
    long n = 0;
    for (String text : texts) {
      for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) n++;
    }
    return n;
  }

  @Test
  void fileErrorsSayWhatHappened(@TempDir Path dir) {
    String missing = dir.resolve("nope.json").toString();
    String[][] noSuchFile = {
      {"import", missing},
      {"sweep", dir.resolve("nope.yaml").toString()},
      {"device", "--catalog", dir.resolve("nope.csv").toString()},
      {"notebook", "run", "--out", dir.toString(), dir.resolve("nope.ipynb").toString()},
      {"jshell", dir.resolve("nope.jsh").toString()}
    };
    for (String[] args : noSuchFile) {
      Outcome o = run(args);
      assertThat(o.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(o.err()).as(String.join(" ", args)).startsWith("tokbench: no such file: ");
    }
    for (String[] args : new String[][] {{"import", dir.toString()}, {"sweep", dir.toString()}}) {
      Outcome o = run(args);
      assertThat(o.status()).isEqualTo(2);
      assertThat(o.err()).isEqualTo("tokbench: " + dir + " is a directory\n");
    }
  }

  private static String[] helpArgs(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    return args.toArray(String[]::new);
  }
}
