package dev.tokbench.kernel.maven;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Maven artifact as {@code %maven} names it: {@code group:artifact:version}, optionally with a
 * classifier ({@code group:artifact:version:classifier}) and a type ({@code ...@type}, default
 * {@code jar}), as Gradle and IJava write coordinates.
 */
public record Coordinate(
    String groupId, String artifactId, String version, String classifier, String type) {
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.\\-\\[\\](),+]+");
  private static final Pattern SYNTAX =
      Pattern.compile("([^:@\\s]+):([^:@\\s]+):([^:@\\s]+)(?::([^:@\\s]+))?(?:@([^:@\\s]+))?");

  public Coordinate {
    Objects.requireNonNull(classifier, "classifier (empty for none)");
    Objects.requireNonNull(type, "type");
    for (String part : new String[] {groupId, artifactId, version, type}) {
      if (part == null || !PART.matcher(part).matches()) {
        throw new BadCoordinateException(
            "bad Maven coordinate part '" + part + "' in " + groupId + ":" + artifactId);
      }
    }
  }

  /** Parses {@code group:artifact:version[:classifier][@type]}. */
  public static Coordinate parse(String text) {
    Matcher m = SYNTAX.matcher(text.strip());
    if (!m.matches()) {
      throw new BadCoordinateException(
          "not a Maven coordinate: '"
              + text
              + "'; expected group:artifact:version, optionally :classifier and @type,"
              + " e.g. com.google.code.gson:gson:2.11.0");
    }
    String classifier = m.group(4) == null ? "" : m.group(4);
    return new Coordinate(
        m.group(1), m.group(2), m.group(3), classifier, m.group(5) == null ? "jar" : m.group(5));
  }

  /** {@code group:artifact:type[:classifier]:version}, the order Maven Resolver parses. */
  String resolverForm() {
    String middle = classifier.isEmpty() ? type : type + ":" + classifier;
    return groupId + ":" + artifactId + ":" + middle + ":" + version;
  }

  @Override
  public String toString() {
    return groupId
        + ":"
        + artifactId
        + ":"
        + version
        + (classifier.isEmpty() ? "" : ":" + classifier)
        + (type.equals("jar") ? "" : "@" + type);
  }
}
