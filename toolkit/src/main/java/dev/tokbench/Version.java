package dev.tokbench;

/** The toolkit's own version, recorded in the provenance of every result. */
public final class Version {
  private Version() {}

  /** The version from the jar's manifest, or {@code "dev"} when run from classes. */
  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
