package dev.tokbench.run.tinygrad;

import dev.tokbench.TextFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tinygrad source checkout: its version and commit, read from files (no git needed), and how it
 * selects a backend. The report's {@code NV=1} / {@code CUDA=1} became {@code DEV=NV} / {@code
 * DEV=CUDA}; since v0.13 (March 2026) the old variables raise {@code AssertionError: CUDA=1 is
 * deprecated, use DEV=CUDA instead}.
 *
 * @param dir the checkout
 * @param version e.g. {@code 0.13.0}; empty when it cannot be found
 * @param commit the checked-out commit; empty when it cannot be found
 */
public record TinygradCheckout(Path dir, String version, String commit) {
  private static final Pattern VERSION =
      Pattern.compile("(?m)^\\s*version\\s*=\\s*[\"']([0-9][0-9.]*)[\"']");
  private static final Pattern SETUP_VERSION =
      Pattern.compile("version\\s*=\\s*['\"]([0-9][0-9.]*)['\"]");

  /** The first version whose backend variable is {@code DEV=...}. */
  public static final String DEV_VARIABLE_SINCE = "0.13";

  /** Reads version ({@code pyproject.toml}, else {@code setup.py}) and commit ({@code .git}). */
  public static TinygradCheckout at(Path dir) {
    String version =
        read(dir.resolve("pyproject.toml"))
            .flatMap(t -> find(VERSION, t))
            .or(() -> read(dir.resolve("setup.py")).flatMap(t -> find(SETUP_VERSION, t)))
            .orElse("");
    return new TinygradCheckout(dir, version, GitHead.commit(dir).orElse(""));
  }

  /**
   * True when this version selects the backend with {@code DEV=}; unknown versions are taken as
   * current.
   */
  public boolean usesDevVariable() {
    return version.isEmpty() || compare(version, DEV_VARIABLE_SINCE) >= 0;
  }

  /** The variables that select {@code backend} ({@code NV}, {@code CUDA}, {@code METAL} …) here. */
  public Map<String, String> backendEnv(String backend) {
    Map<String, String> env = new LinkedHashMap<>();
    if (usesDevVariable()) env.put("DEV", backend);
    else env.put(backend, "1");
    return env;
  }

  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
      int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (xi != yi) return Integer.compare(xi, yi);
    }
    return 0;
  }

  private static Optional<String> find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  static Optional<String> read(Path p) {
    return TextFiles.readIfPresent(p, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "tinygrad "
        + (version.isEmpty() ? "(version unknown)" : version)
        + (commit.isEmpty() ? "" : " @ " + commit.substring(0, Math.min(9, commit.length())))
        + " at "
        + dir;
  }
}
