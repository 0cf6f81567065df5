package dev.tokbench.fleet;

import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a target's commands run and its files are copied to: a host over OpenSSH, or this machine
 * (a Slurm cluster whose commands are here). Paths on the far side are relative to its home.
 */
sealed interface Shell permits SshShell, Shell.Local {
  /** This machine. */
  Shell LOCAL = new Local();

  /** The process that runs a POSIX shell script there. */
  ProcessSpec script(String script);

  /**
   * The process that copies the files of a local folder (following its symbolic links) into the
   * folder {@code remote} there, in one connection.
   */
  ProcessSpec copyFolder(Path local, String remote);

  /** True when the outcome says the connection, not the command, failed. */
  boolean connectionLost(ProcessOutcome outcome);

  /** One word for a shell: {@code 'it''s'} is {@code it's}. */
  static String quote(String word) {
    if (word.matches("[A-Za-z0-9_./=:,@%+-]+")) return word;
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The words, each quoted, joined by spaces. */
  static String words(List<String> words) {
    return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
  }

  /** This machine: {@code sh -c} from the home folder, {@code cp -p}. */
  record Local() implements Shell {
    private static final Path HOME = Path.of(System.getProperty("user.home"));

    @Override
    public ProcessSpec script(String script) {
      return ProcessSpec.of("sh", "-c", script).withWorkDir(HOME);
    }

    @Override
    public ProcessSpec copyFolder(Path local, String remote) {
      return ProcessSpec.of("cp", "-pLR", local.toAbsolutePath() + "/.", remote).withWorkDir(HOME);
    }

    @Override
    public boolean connectionLost(ProcessOutcome outcome) {
      return false;
    }

    @Override
    public String toString() {
      return "this machine";
    }
  }
}
