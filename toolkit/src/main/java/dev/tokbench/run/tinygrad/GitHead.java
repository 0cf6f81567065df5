package dev.tokbench.run.tinygrad;

import java.nio.file.Path;
import java.util.Optional;

/** The commit a git checkout has checked out, read from {@code .git} without running git. */
final class GitHead {
  private GitHead() {}

  static Optional<String> commit(Path checkout) {
    Path git = checkout.resolve(".git");
    Optional<String> head = TinygradCheckout.read(git.resolve("HEAD")).map(String::trim);
    if (head.isEmpty()) return Optional.empty();
    String h = head.get();
    if (!h.startsWith("ref: ")) return Optional.of(h);
    String ref = h.substring(5).trim();
    return TinygradCheckout.read(git.resolve(ref)).map(String::trim).or(() -> packed(git, ref));
  }

  // packed-refs lines: "<sha> <ref>"
  private static Optional<String> packed(Path git, String ref) {
    return TinygradCheckout.read(git.resolve("packed-refs"))
        .flatMap(t -> t.lines().filter(l -> l.endsWith(" " + ref)).findFirst())
        .map(l -> l.substring(0, l.indexOf(' ')));
  }
}
