package dev.tokbench.fleet;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One OpenSSH master connection to a host for the length of a sweep, as {@code ControlMaster} in
 * users' configs makes: every later {@code ssh} and {@code rsync} rides on it, so a point costs a
 * new session, not a new TCP connection, key exchange and login. The master is a process of its own
 * ({@code ssh -N -o ControlMaster=yes}, output discarded) rather than a {@code ControlPersist} fork
 * of the first command, which would keep that command's output open and its reader waiting. When no
 * master comes up (host down, refused), commands connect on their own and fail with ssh's own
 * reason; when it dies mid-sweep, its clients see the connection drop as theirs.
 */
final class SshMaster implements AutoCloseable {
  /** Options that say the user set up multiplexing (or turned it off) themselves. */
  private static final List<String> USERS_OWN = List.of("controlmaster", "controlpath");

  private final Process process;
  private final Path dir;
  private final SshHost host;

  private SshMaster(Process process, Path dir, SshHost host) {
    this.process = process;
    this.dir = dir;
    this.host = host;
  }

  /** A master for {@code h}, or none when the fleet file's ssh_options set multiplexing. */
  static SshMaster open(SshHost h) {
    if (h.options().stream()
        .anyMatch(o -> USERS_OWN.stream().anyMatch(o.toLowerCase(Locale.ROOT)::contains))) {
      return new SshMaster(null, null, h);
    }
    try {
      Path dir = Files.createTempDirectory("tokbench-ssh-");
      String socket = dir.resolve("m").toString(); // short: a socket path has ~100 bytes
      List<String> cmd = new ArrayList<>(List.of("ssh", "-N", "-o", "ControlMaster=yes"));
      cmd.addAll(List.of("-o", "ControlPath=" + socket));
      cmd.addAll(h.sshOptions());
      cmd.add(h.destination());
      Process p =
          new ProcessBuilder(cmd)
              .redirectInput(new File("/dev/null"))
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      List<String> rides = new ArrayList<>(h.options());
      rides.addAll(List.of("-o", "ControlPath=" + socket, "-o", "ControlMaster=no"));
      SshMaster m = new SshMaster(p, dir, h.with(h.identity(), rides));
      if (m.awaitSocket(Path.of(socket))) return m;
      m.close();
      return new SshMaster(null, null, h);
    } catch (IOException e) {
      return new SshMaster(null, null, h); // commands connect on their own
    }
  }

  /** The host as commands should reach it: through the master when it is up. */
  SshHost host() {
    return host;
  }

  /** Waits until the master listens on its socket (true), or has given up (false). */
  private boolean awaitSocket(Path socket) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try {
      while (process.isAlive() && !Files.exists(socket) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return process.isAlive() && Files.exists(socket);
  }

  /** Ends the master (its clients are done by now) and removes its socket's folder. */
  @Override
  public void close() {
    if (process == null) return;
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) Files.deleteIfExists(f);
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // a socket left in the temporary folder: nothing listens on it any more
    }
  }
}
