package dev.tokbench.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How OpenSSH's {@code ssh} reaches a host: {@code user@host:port} or an alias of {@code
 * ~/.ssh/config}, an optional identity file, and options passed to {@code ssh} as given. Every
 * command runs with {@code BatchMode=yes} (never a password prompt), a connect timeout and
 * keep-alives, so a dead host is noticed in seconds; host keys are checked as the user's OpenSSH
 * checks them, unless {@code options} say otherwise for this host.
 *
 * @param destination {@code user@host} or an alias
 * @param port the port; 0 for ssh's own choice (22 or the config's)
 * @param identity the private key file; {@code null} for the agent's or the config's
 * @param options more arguments for {@code ssh}, such as {@code -o ProxyJump=gw}
 */
public record SshHost(String destination, int port, String identity, List<String> options) {
  /** What every connection gets: no prompts, a dead host noticed within about 15 s. */
  static final List<String> ALWAYS =
      List.of(
          "-o", "BatchMode=yes",
          "-o", "ConnectTimeout=10",
          "-o", "ServerAliveInterval=5",
          "-o", "ServerAliveCountMax=3");

  public SshHost {
    Objects.requireNonNull(destination, "destination");
    if (destination.isBlank() || destination.startsWith("-")) {
      throw new IllegalArgumentException("not an ssh destination: '" + destination + "'");
    }
    if (port < 0 || port > 65535) throw new IllegalArgumentException("not a port: " + port);
    options = List.copyOf(options);
  }

  /** {@code user@host:port}, {@code host:port}, {@code user@host} or an alias. */
  public static SshHost parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon > 0 && text.substring(colon + 1).matches("[0-9]{1,5}")) {
      return new SshHost(
          text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)), null, List.of());
    }
    return new SshHost(text, 0, null, List.of());
  }

  /** This host with an identity file and more options. */
  public SshHost with(String identityFile, List<String> moreOptions) {
    return new SshHost(destination, port, identityFile, moreOptions);
  }

  /** The options of {@code ssh} (and of {@code rsync -e}) without the destination. */
  public List<String> sshOptions() {
    List<String> a = new ArrayList<>(ALWAYS);
    if (port > 0) a.addAll(List.of("-o", "Port=" + port)); // as ssh, scp and rsync -e all read it
    if (identity != null) a.addAll(List.of("-i", identity, "-o", "IdentitiesOnly=yes"));
    a.addAll(options);
    return a;
  }

  /** {@code ssh OPTIONS destination -- script}: runs a shell script on the host. */
  public List<String> command(String script) {
    List<String> a = new ArrayList<>(List.of("ssh"));
    a.addAll(sshOptions());
    a.addAll(List.of(destination, "--", script));
    return a;
  }

  @Override
  public String toString() {
    return destination + (port > 0 ? ":" + port : "");
  }
}
