package dev.tokbench.fleet;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real OpenSSH server on a loopback port, run as the current user with a throwaway host key and
 * user key, standing for one host of a fleet. {@link #kill()} ends it and every session it serves,
 * as a host that loses power would.
 */
final class LoopbackSshd implements AutoCloseable {
  static final Path SSHD = Path.of("/usr/sbin/sshd");

  final String name;
  final Path dir;
  final int port;
  private Process process;

  private LoopbackSshd(String name, Path dir, int port) {
    this.name = name;
    this.dir = dir;
    this.port = port;
  }

  /** Why these tests cannot run here, or null when they can. */
  static String unavailable() {
    if (!Files.isExecutable(SSHD)) return "no " + SSHD + " (Debian's openssh-server)";
    for (String tool : List.of("ssh", "ssh-keygen", "rsync", "sha256sum")) {
      if (!onPath(tool)) return "no " + tool + " on the PATH";
    }
    return null;
  }

  /**
   * Skips the calling test, saying why on stdout, when sshd or its tools are missing or {@code
   * also} (another reason, or null) says so.
   */
  static void assumeUsable(String test, String also) {
    String why = unavailable();
    if (why == null) why = also;
    if (why != null) System.out.println(test + " skipped: " + why);
    org.junit.jupiter.api.Assumptions.assumeTrue(why == null, why);
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, tool))) return true;
    }
    return false;
  }

  /** Starts a host in {@code dir} (its keys, config and home go there). */
  static LoopbackSshd start(String name, Path dir) throws Exception {
    return start(name, dir, List.of());
  }

  /** As {@link #start(String, Path)}, with more lines for its sshd_config. */
  static LoopbackSshd start(String name, Path dir, List<String> moreConfig) throws Exception {
    Files.createDirectories(dir);
    keygen(dir.resolve("host_key"));
    if (!Files.exists(dir.resolve("user_key"))) keygen(dir.resolve("user_key"));
    Files.copy(dir.resolve("user_key.pub"), dir.resolve("authorized_keys"));
    LoopbackSshd s = new LoopbackSshd(name, dir, freePort());
    s.writeConfig(moreConfig);
    String hostKey = Files.readString(dir.resolve("host_key.pub")).strip();
    Files.writeString(
        dir.resolve("known_hosts"),
        "[127.0.0.1]:" + s.port + " " + hostKey.substring(0, hostKey.lastIndexOf(' ')) + "\n");
    s.launch();
    return s;
  }

  private static void keygen(Path key) throws Exception {
    Files.deleteIfExists(key);
    Files.deleteIfExists(key.resolveSibling(key.getFileName() + ".pub"));
    Process p =
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
            .redirectErrorStream(true)
            .start();
    if (p.waitFor() != 0)
      throw new IOException("ssh-keygen failed: " + new String(p.getInputStream().readAllBytes()));
  }

  private void writeConfig(List<String> moreConfig) throws IOException {
    if ("root".equals(System.getProperty("user.name"))) {
      Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory
    }
    Files.writeString(
        dir.resolve("sshd_config"),
        String.join(
            "\n",
            "Port " + port,
            "ListenAddress 127.0.0.1",
            "HostKey " + dir.resolve("host_key"),
            "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
            "PidFile " + dir.resolve("sshd.pid"),
            "StrictModes no",
            "UsePAM no",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PubkeyAuthentication yes",
            "PermitRootLogin prohibit-password",
            "LogLevel ERROR",
            String.join("\n", moreConfig),
            ""));
  }

  /** (Re)starts the server on its port, with its keys, and waits until it accepts connections. */
  void launch() throws Exception {
    process =
        new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sshd.log").toFile()))
            .start();
    for (int i = 0; i < 500; i++) {
      if (!process.isAlive())
        throw new IOException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
      try (Socket c = new Socket()) {
        c.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new IOException("sshd never listened on " + port);
  }

  /** This host as a fleet target: its own known_hosts (host keys checked), key and home. */
  Target target(
      String workdir,
      java.util.Map<String, String> env,
      java.util.Map<String, List<String>> labels) {
    SshHost host =
        new SshHost(
            System.getProperty("user.name") + "@127.0.0.1",
            port,
            dir.resolve("user_key").toString(),
            List.of("-F", "/dev/null", "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts")));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new Target(name, host, null, workdir, java, Target.JAVA_OPTIONS, 1, env, labels, null);
  }

  /**
   * Ends the server and every session it serves at once (SIGKILL, the sshd processes first, so no
   * session reports an exit status: the clients see their connections drop, as when a board loses
   * power).
   */
  void kill() {
    if (process == null || !process.isAlive()) return;
    List<ProcessHandle> tree = new java.util.ArrayList<>(process.toHandle().descendants().toList());
    tree.add(0, process.toHandle());
    tree.stream().filter(LoopbackSshd::isSshd).forEach(ProcessHandle::destroyForcibly);
    tree.forEach(ProcessHandle::destroyForcibly);
    process.toHandle().onExit().join();
  }

  private static boolean isSshd(ProcessHandle h) {
    return h.info().command().map(c -> c.endsWith("sshd")).orElse(false);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    kill();
  }
}
