package dev.tokbench.serve;

import dev.tokbench.process.Launcher;
import dev.tokbench.process.OutputListener;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A server launched for a load test, running while the test runs. It is started through {@link
 * Launcher} on a thread of its own (so its output goes to the server log, tagged per stream, and
 * interrupting that thread kills the whole process tree), then polled on its readiness endpoint.
 * {@link #close()} stops it and waits for it to go.
 */
public final class ServerProcess implements AutoCloseable {
  /** The process is given this long before Launcher would kill it: the test stops it first. */
  private static final Duration LIFETIME = Duration.ofDays(7);

  private final ServerLaunch launch;
  private final ProcessSpec spec;
  private final Thread runner;
  private final AtomicReference<ProcessOutcome> outcome = new AtomicReference<>();

  private ServerProcess(ServerLaunch launch, ProcessSpec spec) {
    this.launch = launch;
    this.spec = spec;
    this.runner = new Thread(this::runToEnd, "tokbench-server " + launch.kind());
    runner.setDaemon(true);
  }

  /**
   * Starts {@code launch} (give it a port first: {@link ServerLaunch#withFreePort()}), its output
   * going to {@code log} (none when null), with {@code env} set on top of this process's.
   */
  public static ServerProcess start(ServerLaunch launch, Path log, Map<String, String> env) {
    ProcessSpec spec =
        new ProcessSpec(
            launch.command(), env, null, LIFETIME, log == null ? null : log.toAbsolutePath());
    ServerProcess p = new ServerProcess(launch, spec);
    p.runner.start();
    return p;
  }

  private void runToEnd() {
    outcome.set(Launcher.run(spec, OutputListener.none()));
  }

  public URI url() {
    return launch.url();
  }

  public ServerLaunch launch() {
    return launch;
  }

  /** The command as a shell line. */
  public String commandLine() {
    return spec.commandLine();
  }

  /** True while the process has not ended. */
  public boolean alive() {
    return outcome.get() == null;
  }

  /** Why it ended ({@code exit 1; stderr tail: ...}); empty while it runs. */
  public String endReason() {
    ProcessOutcome o = outcome.get();
    return o == null ? "" : o.succeeded() ? "exited 0" : o.failureReason();
  }

  /**
   * Polls the readiness endpoint every 0.25 s until it answers 200.
   *
   * @throws ServerStartException when the process ends first or {@code timeout} passes (then it is
   *     stopped), with its stderr tail and where its log is
   */
  public void awaitReady(Duration timeout) throws InterruptedException {
    ServerEndpoints endpoints = new ServerEndpoints(url());
    long deadline = System.nanoTime() + timeout.toNanos();
    String path = launch.kind().readinessPath();
    int last = -1;
    while (System.nanoTime() - deadline < 0) {
      if (!alive())
        throw new ServerStartException(
            "the server ended before it was ready: " + endReason() + logHint());
      last = endpoints.status(path, Duration.ofSeconds(5));
      if (last == 200) return;
      Thread.sleep(250);
    }
    close();
    throw new ServerStartException(
        "the server was not ready after "
            + timeout.toSeconds()
            + " s (GET "
            + path
            + (last < 0 ? " got no answer" : " answered " + last)
            + "); stopped it"
            + logHint());
  }

  private String logHint() {
    return spec.log() == null ? "" : "; its output is in " + spec.log();
  }

  /** Stops the server (SIGTERM, SIGKILL after a grace period, the whole tree) and waits. */
  @Override
  public void close() {
    runner.interrupt();
    try {
      runner.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return (alive() ? "running: " : "ended (" + endReason().lines().findFirst().orElse("") + "): ")
        + commandLine();
  }
}
