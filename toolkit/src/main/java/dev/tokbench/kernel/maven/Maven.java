package dev.tokbench.kernel.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves artifacts and their transitive runtime dependencies with Maven Resolver, into and from
 * the local repository, as {@code mvn} would: {@code
 * Maven.fromSettings().resolve("com.google.code.gson:gson:2.11.0")} returns the jars to put on a
 * class path. Several coordinates resolve together, so their shared dependencies are mediated once.
 */
public final class Maven implements AutoCloseable {
  private final MavenSettings settings;
  private RepositorySystem system;

  private Maven(MavenSettings settings) {
    this.settings = Objects.requireNonNull(settings);
  }

  /** A resolver with this user's settings ({@link MavenSettings#fromEnvironment}). */
  public static Maven fromSettings() {
    return with(MavenSettings.fromEnvironment());
  }

  public static Maven with(MavenSettings settings) {
    return new Maven(settings);
  }

  public MavenSettings settings() {
    return settings;
  }

  /** The jars of {@code coordinates} ({@code group:artifact:version}) and their dependencies. */
  public List<Path> resolve(String... coordinates) {
    return resolve(List.of(coordinates).stream().map(Coordinate::parse).toList());
  }

  /**
   * As {@link #resolve(String...)}. Thread-safe: a resolution abandoned on a hung download does not
   * hold up the next.
   */
  public List<Path> resolve(List<Coordinate> coordinates) {
    if (coordinates.isEmpty()) {
      throw new BadCoordinateException("no Maven coordinate given");
    }
    RepositorySystem system = system();
    CollectRequest collect = new CollectRequest();
    coordinates.forEach(
        c ->
            collect.addDependency(
                new Dependency(new DefaultArtifact(c.resolverForm()), JavaScopes.RUNTIME)));
    collect.addRepository(
        new RemoteRepository.Builder(
                settings.remoteId(), "default", settings.remoteUrl().toString())
            .build());
    DependencyRequest request =
        new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
    try {
      return system.resolveDependencies(session(system), request).getArtifactResults().stream()
          .map(ArtifactResult::getArtifact)
          .map(a -> a.getFile().toPath())
          .toList();
    } catch (DependencyResolutionException e) {
      throw new UnresolvedArtifactException(describe(coordinates, e), e);
    }
  }

  private synchronized RepositorySystem system() {
    if (system == null) {
      system = new RepositorySystemSupplier().get(); // builds some 60 components: only on first use
    }
    return system;
  }

  private DefaultRepositorySystemSession session(RepositorySystem system) {
    DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
    LocalRepository local = new LocalRepository(settings.localRepository().toFile());
    session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, local));
    session.setOffline(settings.offline());
    // poms activate profiles on java.version and os.name, as under mvn
    session.setSystemProperties(System.getProperties());
    return session;
  }

  /** Resolver's own message names the artifact and repository; add where we looked locally. */
  private String describe(List<Coordinate> coordinates, DependencyResolutionException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return "cannot resolve "
        + coordinates
        + ": "
        + cause.getMessage()
        + " (local repository "
        + settings.localRepository()
        + (settings.offline() ? ", offline" : ", remote " + settings.remoteUrl())
        + ")";
  }

  @Override
  public synchronized void close() {
    if (system != null) {
      system.shutdown();
      system = null;
    }
  }

  @Override
  public String toString() {
    return "Maven[" + settings + "]";
  }
}
