package dev.tokbench.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Test scripts under {@code src/test/resources/run/scripts}, installed executable in a folder. */
public final class Scripts {
  private Scripts() {}

  public static Path install(Path dir, String name) throws IOException {
    return install(dir, name, name);
  }

  /** Installs a script under another name, such as a fake {@code python3}. */
  public static Path install(Path dir, String name, String as) throws IOException {
    Path target = dir.resolve(as);
    Files.copy(RunFixtures.path("scripts/" + name), target, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    return target;
  }
}
