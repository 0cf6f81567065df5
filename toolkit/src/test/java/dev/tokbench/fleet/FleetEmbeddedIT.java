package dev.tokbench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.Version;
import dev.tokbench.results.BenchResult;
import dev.tokbench.sweep.SweepReport;
import dev.tokbench.testing.RunFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet as users run it: the shaded jar (the one {@code package} builds, with llama.cpp's
 * natives inside) shipped to two loopback sshd hosts with the fixture GGUF models, each point
 * benchmarked there by the embedded llama.cpp. One host's sshd and its sessions are killed while it
 * is in the middle of a point; the re-run completes the sweep with no row lost or twice. Runs after
 * {@code package} (failsafe).
 */
class FleetEmbeddedIT {
  private static final Path JAR = Path.of("target/tokbench-toolkit-all.jar").toAbsolutePath();
  private static final List<String> MODELS =
      List.of("tiny-llama-Q8_0.gguf", "tiny-llama-F16.gguf", "small-llama-Q4_0.gguf");

  @TempDir Path dir;
  private LoopbackSshd a;
  private LoopbackSshd b;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void hosts() throws Exception {
    String why = null;
    if (!Files.isRegularFile(JAR)) why = "no shaded jar at " + JAR;
    else if (!jarVersion().equals(Version.current())) {
      // failsafe runs from target/classes ("dev") unless package ran in the same build
      why = "this side is tokbench " + Version.current() + ", the jar " + jarVersion();
    }
    LoopbackSshd.assumeUsable("FleetEmbeddedIT", why);
    a = LoopbackSshd.start("host-a", dir.resolve("host-a"));
    b = LoopbackSshd.start("host-b", dir.resolve("host-b"));
  }

  @AfterEach
  void stop() {
    if (a != null) a.close();
    if (b != null) b.close();
  }

  @Test
  void theEmbeddedEngineBenchmarksTheFixtureModelsOnTwoHostsAndAKilledHostsPointIsRunAgainOnce()
      throws Exception {
    Path file = sweep(dir.resolve("s"));
    Path gate = dir.resolve("gate");
    // host-a starts its points once host-b has died, so host-b certainly holds one when it does
    Target ta = host(a, gatedJava(gate));
    Target tb = host(b, java());
    Path store = dir.resolve("s/out/store.jsonl");

    CompletableFuture<SweepReport> run =
        CompletableFuture.supplyAsync(() -> sweep(file, ta, tb).run());
    FleetSshTest.waitForRowsFrom("host-b", 2, store); // its 1-thread rows: 2 threads next
    b.kill();
    Files.createFile(gate);
    SweepReport first = run.get(300, TimeUnit.SECONDS);

    assertThat(first.failures()).as(log.toString(StandardCharsets.UTF_8)).hasSize(1);
    BenchResult lost = first.failures().get(0);
    assertThat(lost.provenance())
        .containsEntry("fleet_target", "host-b")
        .containsEntry(Ledger.FAILURE_KEY, "host-lost");
    assertThat(lost.reason()).contains("host-b: host lost mid-point after 2 rows");
    String lostPoint = FleetFixtures.axes(lost);
    assertThat(FleetFixtures.rowsPerPoint(first.rows()))
        .hasSize(3)
        .containsEntry(lostPoint, 3L) // its two streamed rows and the failed row
        .allSatisfy((point, n) -> assertThat(n).isEqualTo(point.equals(lostPoint) ? 3L : 4L));

    SweepReport second = sweep(file, ta, tb).run(); // host-b is still down
    assertThat(second.ran()).isEqualTo(1);
    assertThat(second.rows()).hasSize(12).allMatch(BenchResult::ok);
    assertThat(FleetFixtures.rowsPerPoint(second.rows()).values()).containsOnly(4L).hasSize(3);
    assertThat(second.rows())
        .containsAll(
            first.rows().stream().filter(r -> !FleetFixtures.axes(r).equals(lostPoint)).toList());
    for (BenchResult r : second.rows()) {
      assertThat(r.framework())
          .isEqualTo(dev.tokbench.run.llamacpp.embedded.EmbeddedLlama.FRAMEWORK);
      assertThat(r.test()).isIn("pp16", "tg1024");
      assertThat(r.tokensPerSMean()).isPositive();
      assertThat(r.samples()).hasSize(2);
    }
    assertThat(second.rows().stream().map(BenchResult::quant).distinct())
        .containsExactlyInAnyOrder("Q8_0", "F16", "Q4_0");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("host-a: tokbench " + new Bundle(List.of(JAR)).hash() + " installed");
  }

  /** Three fixture models, each benchmarked at 1 and 2 threads: 4 rows a point. */
  private static Path sweep(Path dir) throws Exception {
    Path models = Files.createDirectories(dir.resolve("models"));
    for (String m : MODELS) Files.copy(RunFixtures.path("../gguf/" + m), models.resolve(m));
    String yaml =
        String.join(
            "\n",
            "name: fleet-embedded",
            "store: out/store.jsonl",
            "axes:",
            "  model: ["
                + String.join(", ", MODELS.stream().map(m -> "models/" + m).toList())
                + "]",
            "run:",
            "  framework: embedded",
            "  args: [-m, \"${model}\", -p, \"16\", -n, \"1024\", -r, \"2\", -t, \"1,2\"]",
            "  timeout_s: 300",
            "");
    return Files.writeString(dir.resolve("sweep.yaml"), yaml);
  }

  private static String jarVersion() throws Exception {
    try (var jar = new java.util.jar.JarFile(JAR.toFile())) {
      return String.valueOf(
          jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
    }
  }

  private FleetSweep sweep(Path file, Target... targets) {
    return FleetSweep.of(file, Fleet.of(targets))
        .bundle(new Bundle(List.of(JAR)))
        .progress(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  private static Target host(LoopbackSshd h, String java) {
    Target t = h.target(h.dir.resolve("home/tokbench").toString(), Map.of(), Map.of());
    return new Target(
        t.name(), t.host(), null, t.workdir(), java, t.javaOptions(), 1, Map.of(), Map.of(), null);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A java that waits for {@code gate} before it starts. */
  private String gatedJava(Path gate) throws Exception {
    Path script = dir.resolve("gated-java");
    Files.writeString(
        script,
        "#!/bin/sh\nwhile [ ! -e '"
            + gate
            + "' ]; do sleep 0.05; done\nexec '"
            + java()
            + "' \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script.toString();
  }
}
