package dev.tokbench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultStore;
import dev.tokbench.sweep.SweepReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleet sweeps over real OpenSSH: each host is an {@code sshd} on its own loopback port with its
 * own host key (checked against its own known_hosts), user key and home folder. The remote side is
 * the real tokbench shipped by rsync; the benchmark is a stand-in replaying a CPU llama-bench run.
 */
class FleetSshTest {
  private static final String AXES = "  model: [a.gguf, b.gguf, c.gguf]\n  fa: [\"0\"]";

  @TempDir Path dir;
  private LoopbackSshd a;
  private LoopbackSshd b;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void hosts() throws Exception {
    LoopbackSshd.assumeUsable("FleetSshTest", null);
    a = LoopbackSshd.start("host-a", dir.resolve("host-a"));
    b = LoopbackSshd.start("host-b", dir.resolve("host-b"));
  }

  @AfterEach
  void stop() {
    if (a != null) a.close();
    if (b != null) b.close();
  }

  private FleetSweep sweep(Path file, Target... targets) {
    return sweep(file, FleetFixtures.bundle(), targets);
  }

  private FleetSweep sweep(Path file, Bundle bundle, Target... targets) {
    return FleetSweep.of(file, Fleet.of(targets))
        .bundle(bundle)
        .progress(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  private Target host(LoopbackSshd h, Map<String, String> env, Map<String, List<String>> labels) {
    return h.target(h.dir.resolve("home/tokbench").toString(), env, labels);
  }

  @Test
  void pointsGoToTheHostTheirLabelsFitAndEveryRowLandsInTheLocalStoreOnce() throws Exception {
    Path file =
        FleetFixtures.sweep(
            dir.resolve("s"), "  model: [a.gguf, b.gguf]\n  fa: [\"1\"]\n  device: [dev-a, dev-b]");
    Target ta = host(a, Map.of(), Map.of("device", List.of("dev-a")));
    Target tb = host(b, Map.of(), Map.of("device", List.of("dev-b")));

    SweepReport first = sweep(file, ta, tb).run();
    SweepReport again = sweep(file, ta, tb).run();

    assertThat(first.ran()).isEqualTo(4);
    assertThat(first.rows()).hasSize(32).allMatch(BenchResult::ok);
    assertThat(FleetFixtures.rowsPerPoint(first.rows()).values()).containsOnly(8L).hasSize(4);
    for (BenchResult r : first.rows()) {
      String device = r.provenance().get("sweep_cell").replaceAll(".*device=([^ ,]+).*", "$1");
      assertThat(r.provenance().get("fleet_target")).isEqualTo(device.replace("dev-", "host-"));
    }
    assertThat(again.ran()).isZero();
    assertThat(again.rows()).isEqualTo(first.rows());
    // the model files named by relative paths were sent, once, under their checksums
    Path blobs = a.dir.resolve("home/tokbench/blobs");
    assertThat(blobs.resolve(Checksums.of(dir.resolve("s/data/cpu-tiny.jsonl")))).exists();
    // the first point left the class-data archive that later points' JVMs start from
    Path bundle = a.dir.resolve("home/tokbench").resolve(FleetFixtures.bundle().folder());
    try (var files = Files.list(bundle)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anyMatch(f -> f.matches("cds-[0-9a-f]{12}\\.jsa"));
    }
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("host-b: tokbench " + FleetFixtures.bundle().hash() + " installed")
        .contains("host-b: tokbench " + FleetFixtures.bundle().hash() + " already there");
  }

  @Test
  void aHostKilledMidPointGivesAFailedRowAndTheReRunCompletesItWithNothingLostOrTwice()
      throws Exception {
    Path file = FleetFixtures.sweep(dir.resolve("s"), AXES);
    Path gate = dir.resolve("gate");
    // host-a waits until host-b has died, so host-b certainly holds a point when it does
    Target ta = host(a, Map.of("WAIT_FOR", gate.toString()), Map.of());
    Target tb = host(b, Map.of("HANG_AFTER", "1"), Map.of());
    Path store = dir.resolve("s/out/store.jsonl");

    CompletableFuture<SweepReport> run =
        CompletableFuture.supplyAsync(() -> sweep(file, ta, tb).run());
    waitForARowFrom("host-b", store);
    b.kill();
    Files.createFile(gate);
    SweepReport first = run.get(120, TimeUnit.SECONDS);

    List<BenchResult> failed = first.failures();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).provenance())
        .containsEntry("fleet_target", "host-b")
        .containsEntry(Ledger.FAILURE_KEY, "host-lost");
    assertThat(failed.get(0).reason()).contains("host-b: host lost mid-point after 1 rows");
    String lostPoint = FleetFixtures.axes(failed.get(0));
    Map<String, Long> perPoint = FleetFixtures.rowsPerPoint(first.rows());
    assertThat(perPoint).containsEntry(lostPoint, 2L); // the row it sent, and the failed row
    assertThat(perPoint).hasSize(3);
    assertThat(first.rows()).hasSize(2 * 8 + 2);

    SweepReport second = sweep(file, ta, tb).run(); // host-b is still down
    assertThat(second.ran()).isEqualTo(1);
    assertThat(second.rows()).hasSize(24).allMatch(BenchResult::ok);
    assertThat(FleetFixtures.rowsPerPoint(second.rows()).values()).containsOnly(8L).hasSize(3);
    assertThat(second.rows().stream().filter(r -> FleetFixtures.axes(r).equals(lostPoint)))
        .allMatch(r -> r.provenance().get("fleet_target").equals("host-a"));
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("host-b: takes no more points");
  }

  @Test
  void aHostWhoseKeyIsNotKnownIsRefusedAndItsPointsAreFailedRows() throws Exception {
    Path file = FleetFixtures.sweep(dir.resolve("s"), "  model: [a.gguf]\n  fa: [\"0\"]");
    Files.writeString(b.dir.resolve("known_hosts"), ""); // b's key is nowhere known
    SweepReport r = sweep(file, host(b, Map.of(), Map.of())).run();

    assertThat(r.rows()).hasSize(1);
    BenchResult row = r.rows().get(0);
    assertThat(row.ok()).isFalse();
    assertThat(row.reason())
        .contains("no live target could run it")
        .contains("Host key verification failed");
    assertThat(row.provenance()).containsEntry(Ledger.FAILURE_KEY, "unplaced");
  }

  @Test
  void aRemoteTokbenchOfAnotherVersionIsAFailedRowNamingBothAndTheReRunReplacesIt()
      throws Exception {
    Path file = FleetFixtures.sweep(dir.resolve("s"), "  model: [a.gguf]\n  fa: [\"0\"]");
    Target ta = host(a, Map.of(), Map.of());
    SweepReport r = sweep(file, FleetFixtures.bundleOfVersion("0.0.1-other"), ta).run();

    assertThat(r.rows()).hasSize(1); // the hello stopped it: none of its rows were taken
    BenchResult row = r.rows().get(0);
    assertThat(row.ok()).isFalse();
    assertThat(row.provenance()).containsEntry(Ledger.FAILURE_KEY, "version");
    assertThat(row.reason())
        .contains(
            "host-a: remote tokbench 0.0.1-other, this one " + dev.tokbench.Version.current());
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("host-a: takes no more points");

    SweepReport again = sweep(file, ta).run(); // this tokbench, shipped beside the other
    assertThat(again.ran()).isEqualTo(1);
    assertThat(again.rows()).hasSize(8).allMatch(BenchResult::ok);
  }

  static void waitForARowFrom(String target, Path store) throws Exception {
    waitForRowsFrom(target, 1, store);
  }

  /** Waits until the store holds {@code rows} rows from {@code target}. */
  static void waitForRowsFrom(String target, int rows, Path store) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (Files.exists(store)
          && Files.readAllLines(store).stream()
                  .filter(l -> l.contains("\"fleet_target\":\"" + target + "\""))
                  .count()
              >= rows) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + rows + " rows from " + target + " in " + store);
  }

  static List<BenchResult> rows(Path store) {
    try (ResultStore s = ResultStore.open(store)) {
      return s.rows();
    }
  }
}
