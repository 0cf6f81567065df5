package dev.tokbench.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Real third-party outputs under {@code src/test/resources/run/}, copied from the fixtures. */
public final class RunFixtures {
  private RunFixtures() {}

  public static Path path(String relative) {
    URL url = RunFixtures.class.getResource("/run/" + relative);
    if (url == null) throw new IllegalArgumentException("no test resource run/" + relative);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
