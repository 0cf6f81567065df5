package dev.tokbench.kernel.maven;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Where {@code %maven} looks for artifacts: a local repository, whether to stay offline, and the
 * remote repository (Maven Central, or the mirror of it that {@code ~/.m2/settings.xml} names).
 */
public record MavenSettings(Path localRepository, boolean offline, String remoteId, URI remoteUrl) {
  public static final URI CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

  /** System property (Maven's own name) that overrides the local repository. */
  public static final String REPO_PROPERTY = "maven.repo.local";

  /** Environment variable that overrides the local repository when the property is not set. */
  public static final String REPO_ENV = "TOKBENCH_MAVEN_REPO";

  /** Environment variable that, set to {@code true}, keeps {@code %maven} offline. */
  public static final String OFFLINE_ENV = "TOKBENCH_MAVEN_OFFLINE";

  public MavenSettings {
    Objects.requireNonNull(localRepository, "localRepository");
    Objects.requireNonNull(remoteId, "remoteId");
    Objects.requireNonNull(remoteUrl, "remoteUrl");
    localRepository = localRepository.toAbsolutePath().normalize();
  }

  /** The settings of this user: {@code ~/.m2/settings.xml}, then the overrides above. */
  public static MavenSettings fromEnvironment() {
    Path home = Path.of(System.getProperty("user.home"));
    return from(
        home.resolve(".m2/settings.xml"), System.getenv(), System.getProperty(REPO_PROPERTY), home);
  }

  /**
   * Settings read from a {@code settings.xml} (absent: Maven's defaults), then the environment,
   * then the {@code maven.repo.local} property's value (null if unset), each overriding the last.
   */
  static MavenSettings from(
      Path settingsXml, Map<String, String> env, String repoProperty, Path home) {
    Optional<Element> xml = read(settingsXml);
    Path local =
        first(
                repoProperty,
                env.get(REPO_ENV),
                xml.map(s -> text(s, "localRepository")).orElse(null))
            .map(p -> Path.of(p.replace("${user.home}", home.toString())))
            .orElse(home.resolve(".m2/repository"));
    boolean offline =
        "true".equalsIgnoreCase(env.get(OFFLINE_ENV))
            || xml.map(s -> "true".equals(text(s, "offline"))).orElse(false);
    MavenSettings settings = new MavenSettings(local, offline, "central", CENTRAL);
    return xml.flatMap(MavenSettings::centralMirror).map(settings::withRemote).orElse(settings);
  }

  public MavenSettings withOffline(boolean offline) {
    return new MavenSettings(localRepository, offline, remoteId, remoteUrl);
  }

  public MavenSettings withLocalRepository(Path localRepository) {
    return new MavenSettings(localRepository, offline, remoteId, remoteUrl);
  }

  private MavenSettings withRemote(MavenSettings mirror) {
    return new MavenSettings(localRepository, offline, mirror.remoteId, mirror.remoteUrl);
  }

  /**
   * The first {@code <mirror>} whose {@code <mirrorOf>} covers central ({@code *}, {@code
   * central}).
   */
  private static Optional<MavenSettings> centralMirror(Element settings) {
    NodeList mirrors = settings.getElementsByTagName("mirror");
    for (int i = 0; i < mirrors.getLength(); i++) {
      Element mirror = (Element) mirrors.item(i);
      if (coversCentral(text(mirror, "mirrorOf")) && text(mirror, "url") != null) {
        String id = Optional.ofNullable(text(mirror, "id")).orElse("mirror");
        return Optional.of(
            new MavenSettings(Path.of(""), false, id, URI.create(text(mirror, "url"))));
      }
    }
    return Optional.empty();
  }

  /** Maven's mirrorOf syntax: a comma list of ids, {@code *}, {@code external:*}, {@code !id}. */
  static boolean coversCentral(String mirrorOf) {
    if (mirrorOf == null) {
      return false;
    }
    var ids = Arrays.stream(mirrorOf.split(",")).map(String::strip).toList();
    return !ids.contains("!central")
        && (ids.contains("central") || ids.contains("*") || ids.contains("external:*"));
  }

  private static Optional<Element> read(Path settingsXml) {
    if (!Files.isRegularFile(settingsXml)) {
      return Optional.empty();
    }
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return Optional.of(
          factory.newDocumentBuilder().parse(settingsXml.toFile()).getDocumentElement());
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new dev.tokbench.BadInputException(
          "cannot read Maven settings " + settingsXml + ": " + e.getMessage(), e);
    }
  }

  /** The text of the first child element of that name, trimmed; null if absent. */
  private static String text(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }

  private static Optional<String> first(String... values) {
    return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).findFirst();
  }

  @Override
  public String toString() {
    return "MavenSettings["
        + localRepository
        + (offline ? ", offline" : ", " + remoteId + " " + remoteUrl)
        + "]";
  }
}
