package dev.tokbench.energy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** The stand-in programs of resources/energy/scripts, installed executable in a folder. */
final class Scripts {
  private Scripts() {}

  /** Installs the named scripts in {@code dir} and returns an environment with it first in PATH. */
  static Map<String, String> path(Path dir, String... names) throws Exception {
    Files.createDirectories(dir);
    for (String n : names) {
      Path to = dir.resolve(n);
      Files.copy(Fixtures.resource("scripts/" + n), to, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return Map.of("PATH", dir + ":" + System.getenv("PATH"));
  }
}
