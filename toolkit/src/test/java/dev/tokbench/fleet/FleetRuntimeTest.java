package dev.tokbench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import dev.tokbench.results.BenchResult;
import dev.tokbench.sweep.SweepReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java runtime a fleet ships: made by the real jlink once for the class, sent over real OpenSSH
 * to a loopback host whose PATH has no java, run there, and not sent again.
 */
class FleetRuntimeTest {
  private static final Path HOME = Path.of(System.getProperty("java.home"));
  private static final String ONE_POINT = "  model: [a.gguf]\n  fa: [\"0\"]";

  @TempDir static Path cache;
  private static JavaRuntime runtime;

  @TempDir Path dir;
  private LoopbackSshd host;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeAll
  static void jlinkOnce() {
    Assumptions.assumeTrue(
        Files.isDirectory(HOME.resolve("jmods")), "no jmods in " + HOME + ": cannot jlink");
    runtime = JavaRuntime.jlink(cache, HOME);
  }

  @AfterEach
  void stop() throws Exception {
    if (host != null) host.close();
    Path bin = dir.resolve("bin-without-java");
    if (Files.isDirectory(bin)) {
      try (Stream<Path> links = Files.list(bin)) {
        for (Path l : links.toList()) Files.delete(l); // links only, never what they name
      }
    }
  }

  /** A host whose sessions' PATH has every tool of /usr/bin but java. */
  private Target hostWithoutJava(String runtimeSpec) throws Exception {
    LoopbackSshd.assumeUsable("FleetRuntimeTest", null);
    Path bin = Files.createDirectories(dir.resolve("bin-without-java"));
    try (Stream<Path> tools = Files.list(Path.of("/usr/bin"))) {
      for (Path tool : tools.filter(p -> !p.getFileName().toString().equals("java")).toList()) {
        Files.createSymbolicLink(bin.resolve(tool.getFileName()), tool);
      }
    }
    host = LoopbackSshd.start("host-a", dir.resolve("host-a"), List.of("SetEnv PATH=" + bin));
    Target t = host.target(host.dir.resolve("home/tokbench").toString(), Map.of(), Map.of());
    return new Target(
        t.name(),
        t.host(),
        null,
        t.workdir(),
        "java",
        t.javaOptions(),
        1,
        t.env(),
        t.labels(),
        runtimeSpec);
  }

  private SweepReport sweep(Path file, Target t) {
    return FleetSweep.of(file, Fleet.of(t))
        .bundle(FleetFixtures.bundle())
        .progress(new PrintStream(log, true, StandardCharsets.UTF_8))
        .run();
  }

  @Test
  void aHostWithNoJavaRunsPointsThroughTheShippedRuntimeWhichASecondSweepDoesNotSendAgain()
      throws Exception {
    Target t = hostWithoutJava(runtime.archive().toString());
    var noJava = Remote.tryRun(t.shell().script("command -v java || echo none"));
    assertThat(noJava.stdout()).containsExactly("none");

    Path first = FleetFixtures.sweep(dir.resolve("s1"), ONE_POINT);
    SweepReport one = sweep(first, t);
    Path second = FleetFixtures.sweep(dir.resolve("s2"), ONE_POINT.replace("\"0\"", "\"1\""));
    SweepReport two = sweep(second, t);

    assertThat(one.rows()).hasSize(8).allMatch(BenchResult::ok);
    assertThat(two.rows()).hasSize(8).allMatch(BenchResult::ok);
    String out = log.toString(StandardCharsets.UTF_8);
    String h = runtime.hash();
    assertThat(out).containsOnlyOnce("host-a: runtime " + h + " installed (");
    assertThat(out).containsOnlyOnce("host-a: runtime " + h + " already there");
    // tokbench fleet install finds it there too
    ByteArrayOutputStream installed = new ByteArrayOutputStream();
    int failed =
        FleetSweep.install(
            List.of(t),
            FleetFixtures.bundle(),
            new PrintStream(installed, true, StandardCharsets.UTF_8));
    assertThat(failed).isZero();
    assertThat(installed.toString(StandardCharsets.UTF_8))
        .contains("host-a: runtime " + h + " already there");
    Path work = host.dir.resolve("home/tokbench");
    assertThat(work.resolve(runtime.folder() + "/bin/java")).isExecutable();
    // the class-data archive is named after the java that ran the point: the shipped one
    String cds = "cds-" + Checksums.ofText(runtime.javaFromSweep()).substring(0, 12) + ".jsa";
    assertThat(work.resolve(FleetFixtures.bundle().folder()).resolve(cds)).exists();
  }

  @Test
  void aRuntimeThatDoesNotRunOnTheHostIsAClearInstallFailureNotARowPerPoint() throws Exception {
    Path fake = Files.createDirectories(dir.resolve("foreign/bin"));
    Path java = Files.write(fake.resolve("java"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path cached = JavaRuntime.of(dir.resolve("foreign").toString()).archive();
    Target t = hostWithoutJava(cached.toString());

    SweepReport r = sweep(FleetFixtures.sweep(dir.resolve("s"), ONE_POINT), t);

    assertThat(r.rows()).hasSize(1);
    assertThat(r.rows().get(0).provenance()).containsEntry(Ledger.FAILURE_KEY, "unplaced");
    assertThat(r.rows().get(0).reason())
        .contains("host-a: unpacking the Java runtime")
        .contains("its bin/java does not run here");
    assertThat(host.dir.resolve("home/tokbench/" + JavaRuntime.of(cached.toString()).folder()))
        .doesNotExist();
  }

  @Test
  void theRuntimeIsMadeOnceAndABrokenSpecOrAJreIsAClearError() throws Exception {
    FileTime made = Files.getLastModifiedTime(runtime.archive());
    assertThat(JavaRuntime.jlink(cache, HOME)).isEqualTo(runtime);
    assertThat(Files.getLastModifiedTime(runtime.archive())).isEqualTo(made);

    Path jre = Files.createDirectories(dir.resolve("jre/bin"));
    assertThatThrownBy(() -> JavaRuntime.jlink(cache, jre.getParent()))
        .hasMessageContaining(jre.getParent() + " has no " + jre.resolve("jlink"))
        .hasMessageContaining("a full JDK");

    Path fleet =
        Files.writeString(
            dir.resolve("fleet.yaml"),
            "targets:\n  - name: orin-1\n    ssh: nvidia@orin-1:22\n    runtime: jre-aarch64\n");
    assertThatThrownBy(() -> Fleet.read(fleet))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("fleet.yaml:4: targets[0].runtime must be 'jlink'")
        .hasMessageContaining(dir.resolve("jre-aarch64") + " does not exist");
    Path nul =
        Files.writeString(fleet, "targets:\n  - name: o\n    ssh: o\n    runtime: \"a\\0b\"\n");
    assertThatThrownBy(() -> Fleet.read(nul))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("fleet.yaml:4: targets[0].runtime is not a path");
    Path ok = Files.writeString(fleet, "targets:\n  - name: o\n    ssh: o\n    runtime: jlink\n");
    assertThat(Fleet.read(ok).targets().get(0).runtime()).isEqualTo("jlink");
  }
}
