package dev.tokbench.fleet;

import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A host reached through the system's {@code ssh}; files go by {@code rsync} over the same ssh
 * options (so jump hosts, agents and known_hosts apply to copies too).
 */
record SshShell(SshHost host) implements Shell {
  /** ssh's own exit status when the connection failed or dropped (the command's is passed on). */
  static final int SSH_ERROR = 255;

  @Override
  public ProcessSpec script(String script) {
    return ProcessSpec.of(host.command(script));
  }

  @Override
  public ProcessSpec copyFolder(Path local, String remote) {
    List<String> ssh = new ArrayList<>(List.of("ssh"));
    ssh.addAll(host.sshOptions());
    List<String> a = new ArrayList<>(List.of("rsync", "-aL", "--partial", "-e", Shell.words(ssh)));
    a.add(local.toAbsolutePath() + "/");
    a.add(host.destination() + ":" + remote + "/");
    return ProcessSpec.of(a);
  }

  @Override
  public boolean connectionLost(ProcessOutcome outcome) {
    return outcome.startError().isEmpty() && outcome.exitCode() == SSH_ERROR;
  }

  @Override
  public String toString() {
    return host.toString();
  }
}
