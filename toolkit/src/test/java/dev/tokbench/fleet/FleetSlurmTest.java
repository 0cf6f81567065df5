package dev.tokbench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.Version;
import dev.tokbench.results.BenchResult;
import dev.tokbench.sweep.SweepReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet sweep through a real single-node Slurm cluster (slurmctld and slurmd from Debian's
 * slurm-wlm, started by {@code scripts/ci/start-slurm}, which prints the SLURM_CONF these tests
 * need). One task of the job array is cancelled with {@code scancel} mid-point.
 */
class FleetSlurmTest {
  private static final Pattern JOB = Pattern.compile("slurm job ([0-9]+_[0-9]+)");

  @TempDir Path dir;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void cluster() throws Exception {
    String why = unavailable();
    if (why != null) System.out.println("FleetSlurmTest skipped: " + why);
    assumeTrue(why == null, why);
  }

  /** Why no cluster answers here, or null when one does. */
  static String unavailable() throws Exception {
    if (System.getenv("SLURM_CONF") == null) {
      return "SLURM_CONF is not set (eval \"$(scripts/ci/start-slurm)\" starts a cluster)";
    }
    Remote.Output ping = Remote.tryRun(Shell.LOCAL.script("scontrol ping"));
    String out = String.join(" ", ping.stdout());
    return out.contains("is UP") ? null : "scontrol ping: " + out + ping.outcome().failureReason();
  }

  private Target cluster(Map<String, String> env) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    SlurmSettings s = new SlurmSettings("debug", null, null, "00:10:00", Duration.ofMillis(200));
    return new Target(
        "cluster",
        null,
        s,
        dir.resolve("shared").toString(),
        java,
        Target.JAVA_OPTIONS,
        3,
        env,
        Map.of(),
        null);
  }

  private SweepReport run(Path file, Target t) {
    return run(file, t, FleetFixtures.bundle());
  }

  private SweepReport run(Path file, Target t, Bundle bundle) {
    return FleetSweep.of(file, Fleet.of(t))
        .bundle(bundle)
        .progress(new PrintStream(log, true, StandardCharsets.UTF_8))
        .run();
  }

  @Test
  void anArrayTaskCancelledMidPointIsAFailedRowWithSlurmsStateAndTheResumeRunsItAgain()
      throws Exception {
    Path file =
        FleetFixtures.sweep(dir.resolve("s"), "  model: [a.gguf, b.gguf, c.gguf]\n  fa: [\"0\"]");
    Path store = dir.resolve("s/out/store.jsonl");
    // model b prints one row and hangs, the first time only
    Target t =
        cluster(Map.of("HANG_MODEL", "b.gguf", "HANG_ONCE", dir.resolve("hung-once").toString()));

    CompletableFuture<SweepReport> first = CompletableFuture.supplyAsync(() -> run(file, t));
    String task = taskOfARowOf("model=b.gguf", store);
    Remote.Output cancel = Remote.tryRun(Shell.LOCAL.script("scancel " + task));
    assertThat(cancel.outcome().succeeded()).as(cancel.outcome().failureReason()).isTrue();
    SweepReport r = first.get(180, TimeUnit.SECONDS);

    // Slurm's SIGTERM reaches the stand-in and the remote tokbench at once: when the tokbench
    // outlives its benchmark by a moment it relays the benchmark's own "killed by SIGTERM" row
    // (and its done line); the task's CANCELLED state still makes the point one to run again
    List<BenchResult> failed =
        r.failures().stream().filter(f -> f.provenance().containsKey(Ledger.FAILURE_KEY)).toList();
    assertThat(failed).hasSize(1);
    assertThat(r.failures()).allMatch(f -> failed.contains(f) || f.reason().contains("SIGTERM"));
    assertThat(FleetFixtures.axes(failed.get(0))).isEqualTo("model=b.gguf,fa=0");
    assertThat(failed.get(0).provenance())
        .containsEntry(Ledger.FAILURE_KEY, "slurm-cancelled")
        .containsEntry("fleet_host", "slurm job " + task);
    assertThat(failed.get(0).reason()).contains("slurm job " + task + " CANCELLED");
    Map<String, Long> perPoint = FleetFixtures.rowsPerPoint(r.rows());
    assertThat(perPoint)
        .containsEntry("model=a.gguf,fa=0", 8L)
        .containsEntry("model=c.gguf,fa=0", 8L);
    // the row it sent and the failed row (and the benchmark's own, when relayed)
    assertThat(perPoint.get("model=b.gguf,fa=0")).isEqualTo(r.failures().size() + 1L);

    SweepReport again = run(file, t);
    assertThat(again.ran()).isEqualTo(1);
    assertThat(again.rows()).hasSize(24).allMatch(BenchResult::ok);
    assertThat(FleetFixtures.rowsPerPoint(again.rows()).values()).containsOnly(8L).hasSize(3);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("cluster: job array");
  }

  @Test
  void aJobThatCannotBeSubmittedGivesFailedRowsSayingWhy() throws Exception {
    Path file = FleetFixtures.sweep(dir.resolve("s"), "  model: [a.gguf]\n  fa: [\"0\"]");
    Target t = cluster(Map.of());
    Target wrong =
        new Target(
            t.name(),
            null,
            new SlurmSettings("no-such-partition", null, null, null, null),
            t.workdir(),
            t.java(),
            t.javaOptions(),
            1,
            Map.of(),
            Map.of(),
            null);

    SweepReport r = run(file, wrong);

    assertThat(r.rows()).hasSize(1);
    assertThat(r.rows().get(0).ok()).isFalse();
    assertThat(r.rows().get(0).reason()).contains("sbatch").contains("invalid partition");
    assertThat(r.rows().get(0).provenance()).containsEntry(Ledger.FAILURE_KEY, "slurm-submit");
  }

  @Test
  void tasksRunningAnotherTokbenchCancelTheArrayWithFailedRowsNamingBothVersions()
      throws Exception {
    Path file = FleetFixtures.sweep(dir.resolve("s"), "  model: [a.gguf, b.gguf]\n  fa: [\"0\"]");
    Target t = cluster(Map.of());

    SweepReport r = run(file, t, FleetFixtures.bundleOfVersion("0.0.1-other"));

    assertThat(r.rows()).hasSize(2).noneMatch(BenchResult::ok); // no row of the other version
    assertThat(r.rows())
        .allSatisfy(
            row -> {
              assertThat(row.provenance()).containsEntry(Ledger.FAILURE_KEY, "version");
              assertThat(row.reason())
                  .contains("remote tokbench 0.0.1-other, this one " + Version.current())
                  .contains("scancel ");
            });
    SweepReport again = run(file, t);
    assertThat(again.ran()).isEqualTo(2);
    assertThat(again.rows()).hasSize(16).allMatch(BenchResult::ok);
  }

  @Test
  void aClusterBehindALoginNodeIsDrivenOverSshAndALoginNodeDownGivesFailedRows() throws Exception {
    LoopbackSshd.assumeUsable("FleetSlurmTest (login node)", null);
    // a login node's sessions find the cluster's slurm.conf, as /etc/slurm is found on a real one
    try (LoopbackSshd login =
        LoopbackSshd.start(
            "login",
            dir.resolve("login"),
            List.of("SetEnv SLURM_CONF=" + System.getenv("SLURM_CONF")))) {
      Target local = cluster(Map.of());
      Target t =
          new Target(
              "cluster",
              login.target("", Map.of(), Map.of()).host(),
              local.slurm(),
              local.workdir(),
              local.java(),
              local.javaOptions(),
              2,
              Map.of(),
              Map.of(),
              null);
      assertThat(t.shell()).isInstanceOf(SshShell.class);
      Path file = FleetFixtures.sweep(dir.resolve("s"), "  model: [a.gguf, b.gguf]\n  fa: [\"0\"]");

      SweepReport r = run(file, t);
      assertThat(r.ran()).isEqualTo(2);
      assertThat(r.rows()).hasSize(16).allMatch(BenchResult::ok);
      assertThat(r.rows())
          .allMatch(row -> row.provenance().get("fleet_host").matches("slurm job [0-9]+_[01]"));
      assertThat(run(file, t).ran()).isZero();

      login.kill();
      Path other = FleetFixtures.sweep(dir.resolve("s2"), "  model: [c.gguf]\n  fa: [\"0\"]");
      SweepReport down = run(other, t);
      assertThat(down.rows()).hasSize(1).noneMatch(BenchResult::ok);
      assertThat(down.rows().get(0).reason()).contains("cluster").contains("Connection refused");
    }
  }

  private static String taskOfARowOf(String point, Path store) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.exists(store)) {
        for (String line : Files.readAllLines(store)) {
          Matcher m = JOB.matcher(line);
          if (line.contains("\"" + point) && m.find()) return m.group(1);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no row of " + point + " in " + store);
  }
}
