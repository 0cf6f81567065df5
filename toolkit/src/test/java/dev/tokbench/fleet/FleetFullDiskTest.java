package dev.tokbench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.results.BenchResult;
import dev.tokbench.sweep.SweepReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host whose disk is full: its workdir is a 1 MiB tmpfs mounted by the test (so it needs root),
 * too small for tokbench's jars. The copy fails with the host's own "No space left on device", the
 * points are failed rows saying so, and once the disk has room (remounted larger, what was
 * half-copied still on it) the re-run runs them.
 */
class FleetFullDiskTest {
  @TempDir Path dir;
  private LoopbackSshd host;
  private Path mounted;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void host() throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    LoopbackSshd.assumeUsable(
        "FleetFullDiskTest", root ? null : "a full disk is a tmpfs the test mounts: needs root");
    host = LoopbackSshd.start("host-a", dir.resolve("host-a"));
  }

  @AfterEach
  void stop() throws Exception {
    if (mounted != null) umount();
    if (host != null) host.close();
  }

  @Test
  void aFullRemoteDiskGivesFailedRowsWithTheHostsReasonAndTheReRunRunsThemOnceThereIsRoom()
      throws Exception {
    Path file = FleetFixtures.sweep(dir.resolve("s"), "  model: [a.gguf, b.gguf]\n  fa: [\"0\"]");
    Path workdir = Files.createDirectories(host.dir.resolve("home/tokbench"));
    Target t = host.target(workdir.toString(), Map.of(), Map.of());
    String mount = sh("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", workdir.toString());
    assumeTrue(mount.isEmpty(), "cannot mount a tmpfs here: " + mount);
    mounted = workdir;

    SweepReport full = sweep(file, t);

    assertThat(full.rows()).hasSize(2).noneMatch(BenchResult::ok);
    for (BenchResult r : full.rows()) {
      assertThat(r.provenance()).containsEntry(Ledger.FAILURE_KEY, "unplaced");
      assertThat(r.reason()).contains("host-a: copying").contains("No space left on device");
    }
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("host-a: takes no more points");

    // room again, the half-copied file still there: it is resumed and checked, never taken as is
    String grown = sh("mount", "-o", "remount,size=256m", workdir.toString());
    assertThat(grown).isEmpty();
    SweepReport again = sweep(file, t);
    assertThat(again.ran()).isEqualTo(2);
    assertThat(again.rows()).hasSize(16).allMatch(BenchResult::ok);
    assertThat(FleetFixtures.rowsPerPoint(again.rows()).values()).containsOnly(8L).hasSize(2);
  }

  private SweepReport sweep(Path file, Target t) {
    return FleetSweep.of(file, Fleet.of(t))
        .bundle(FleetFixtures.bundle())
        .progress(new PrintStream(log, true, StandardCharsets.UTF_8))
        .run();
  }

  private void umount() throws Exception {
    String out = sh("umount", mounted.toString());
    assertThat(out).as("umount " + mounted).isEmpty();
    mounted = null;
  }

  /** Runs a command; returns its output when it failed, "" when it succeeded. */
  private static String sh(String... command) throws Exception {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return p.waitFor() == 0 ? "" : "exit " + p.exitValue() + ": " + out;
  }
}
