package dev.tokbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.kernel.maven.Maven;
import dev.tokbench.kernel.maven.MavenSettings;
import dev.tokbench.kernel.maven.UnresolvedArtifactException;
import dev.tokbench.notebook.Evaluator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %maven} against the real local repository, offline, so no network is needed. The artifact
 * is one the build itself downloads (surefire 3.5.4 runs on plexus-java 1.5.0, which brings asm and
 * qdox), and none of the three is on the toolkit's class path.
 */
class MavenMagicTest {
  private static final String ARTIFACT = "org.codehaus.plexus:plexus-java:1.5.0";
  private static final MavenSettings OFFLINE = MavenSettings.fromEnvironment().withOffline(true);

  @TempDir Path dir;

  @Test
  void resolvesTheArtifactAndItsRuntimeDependenciesFromTheLocalRepository() {
    requireInLocalRepository();
    try (Maven maven = Maven.with(OFFLINE)) {
      List<String> jars =
          maven.resolve(ARTIFACT).stream().map(p -> p.getFileName().toString()).toList();
      assertThat(jars).contains("plexus-java-1.5.0.jar");
      assertThat(jars).anyMatch(j -> j.startsWith("qdox-")).anyMatch(j -> j.startsWith("asm-"));
    }
  }

  @Test
  void cellUsesAClassOfATransitiveDependencyAfterMavenMagic() {
    requireInLocalRepository();
    try (var engine = new JShellCellEngine(Evaluator.in(dir), Maven.with(OFFLINE))) {
      String cell =
          "%maven "
              + ARTIFACT
              + "\nnew com.thoughtworks.qdox.JavaProjectBuilder().getSources().size()";
      CellEngine.CellOutcome outcome = engine.run(cell, new Collected());
      assertThat(outcome.error()).isEmpty();
      assertThat(outcome.result()).containsEntry("text/plain", "0");
      CellEngine.CellOutcome location =
          engine.run(
              "com.thoughtworks.qdox.JavaProjectBuilder.class.getProtectionDomain()"
                  + ".getCodeSource().getLocation().getPath()",
              new Collected());
      assertThat(location.result().get("text/plain"))
          .contains(OFFLINE.localRepository().toString());
    }
  }

  @Test
  void pomCoordinateBringsItsDependenciesButNotThePomItself() {
    requireInLocalRepository();
    try (var engine = new JShellCellEngine(Evaluator.in(dir), Maven.with(OFFLINE))) {
      CellEngine.CellOutcome outcome =
          engine.run(
              "%maven " + ARTIFACT + "@pom\nnew com.thoughtworks.qdox.JavaProjectBuilder() != null",
              new Collected());
      assertThat(outcome.error()).isEmpty();
      assertThat(outcome.result()).containsEntry("text/plain", "true");
      CellEngine.CellOutcome jarClass =
          engine.run(
              "org.codehaus.plexus.languages.java.jpms.LocationManager.class", new Collected());
      assertThat(jarClass.error()).as("the pom's own jar is not on the class path").isPresent();
    }
  }

  /**
   * A repository on loopback that accepts connections and never answers: without the interrupt the
   * download would wait for the resolver's 30-minute request timeout (the test's own limit fails it
   * first).
   */
  @Test
  @Timeout(120)
  void interruptStopsAMavenMagicWaitingOnAHungRepository() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      MavenSettings hung =
          new MavenSettings(
              dir.resolve("empty-repo"),
              false,
              "silent",
              URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"));
      ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
      try (var engine = new JShellCellEngine(Evaluator.in(dir), Maven.with(hung))) {
        timer.scheduleAtFixedRate(engine::interrupt, 1000, 500, TimeUnit.MILLISECONDS);
        CellEngine.CellOutcome outcome =
            engine.run("%maven dev.tokbench.absent:nothing:1.0", new Collected());
        timer.shutdownNow();
        assertThat(outcome.error()).isPresent();
        assertThat(outcome.error().get().name()).isEqualTo("Interrupted");
        assertThat(engine.run("1 + 1", new Collected()).result()).containsEntry("text/plain", "2");
      } finally {
        timer.shutdownNow();
      }
    }
  }

  @Test
  void badCoordinateFailsTheCellSayingWhatAFormIsExpected() {
    try (var engine = new JShellCellEngine(Evaluator.in(dir), Maven.with(OFFLINE))) {
      CellEngine.CellOutcome outcome = engine.run("%maven gson:2.11.0", new Collected());
      assertThat(outcome.error()).isPresent();
      assertThat(outcome.error().get().message())
          .contains("cell line 1")
          .contains("not a Maven coordinate: 'gson:2.11.0'")
          .contains("group:artifact:version");
    }
  }

  @Test
  void missingArtifactOfflineNamesTheArtifactAndTheRepository() {
    MavenSettings empty = OFFLINE.withLocalRepository(dir.resolve("empty-repo"));
    try (var engine = new JShellCellEngine(Evaluator.in(dir), Maven.with(empty))) {
      CellEngine.CellOutcome outcome =
          engine.run("%maven dev.tokbench.absent:nothing:9.9.9", new Collected());
      assertThat(outcome.error()).isPresent();
      assertThat(outcome.error().get().message())
          .contains("dev.tokbench.absent:nothing")
          .contains("9.9.9")
          .contains("offline")
          .contains(empty.localRepository().toString());
    }
  }

  @Test
  void resolverThrowsATypedExceptionForAMissingArtifact() {
    try (Maven maven = Maven.with(OFFLINE.withLocalRepository(dir))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> maven.resolve("a.b:c:1.0"))
          .isInstanceOf(UnresolvedArtifactException.class)
          .hasMessageContaining("a.b:c")
          .hasMessageContaining("central");
    }
  }

  private static void requireInLocalRepository() {
    Path jar =
        OFFLINE
            .localRepository()
            .resolve("org/codehaus/plexus/plexus-java/1.5.0/plexus-java-1.5.0.jar");
    boolean present = Files.isRegularFile(jar);
    if (!present) {
      System.out.println(
          "skipped: " + jar + " is not in the local repository (run mvn verify once)");
    }
    assumeTrue(present, jar + " is not in the local repository");
  }

  /** A listener that keeps what a cell printed. */
  private static final class Collected implements dev.tokbench.notebook.CellListener {
    final StringBuilder out = new StringBuilder();

    @Override
    public void stdout(String text) {
      out.append(text);
    }

    @Override
    public void stderr(String text) {
      out.append(text);
    }

    @Override
    public void display(dev.tokbench.display.MimeBundle bundle) {}
  }
}
