package dev.tokbench.fleet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Puts a {@link JavaRuntime} on a target: the archive sent once by its checksum (skipped when the
 * target has it), unpacked into {@code WORKDIR/runtime/HASH/} once, and checked by running its
 * {@code java -version} there, so a runtime for another platform is a clear install failure, not a
 * failed row per point.
 */
final class RuntimeInstall {
  private RuntimeInstall() {}

  /** The runtime each distinct {@code runtime:} value of {@code targets} names, each made once. */
  static Map<String, JavaRuntime> of(List<Target> targets) {
    Map<String, JavaRuntime> out = new LinkedHashMap<>();
    for (Target t : targets) {
      if (t.runtime() != null) out.computeIfAbsent(t.runtime(), JavaRuntime::of);
    }
    return out;
  }

  /** {@code t} with its runtime installed, running that runtime's java. */
  static Target install(Target t, JavaRuntime rt, Consumer<String> say) {
    long sent = new Shipment().add(rt.archive(), rt.folder() + ".tar.gz").ensure(t);
    Remote.run(t, unpack(t, rt), "unpacking the Java runtime " + rt.archive().getFileName());
    say.accept(
        t.name()
            + ": runtime "
            + rt.hash()
            + (sent == 0
                ? " already there"
                : String.format(Locale.ROOT, " installed (%.1f MB sent)", sent / 1e6)));
    return t.withJava(rt.javaFromSweep());
  }

  /**
   * Unpacks into a folder of its own and renames it when its java runs, so a half-unpacked or
   * foreign runtime never takes the name a later sweep trusts.
   */
  private static String unpack(Target t, JavaRuntime rt) {
    String f = rt.folder();
    String part = f + ".part$$";
    return "cd "
        + Shell.quote(t.workdir())
        + " && if [ ! -x "
        + f
        + "/bin/java ]; then rm -rf "
        + part
        + " && mkdir -p "
        + part
        + " && tar -xzf "
        + f
        + ".tar.gz -C "
        + part
        + " && { [ -f "
        + part
        + "/bin/java ] || { echo 'the runtime archive has no bin/java at its top' >&2; rm -rf "
        + part
        + "; exit 1; }; }"
        + " && { v=$("
        + part
        + "/bin/java -version 2>&1) || { echo \"its bin/java does not run here: $v\" >&2; rm -rf "
        + part
        + "; exit 1; }; }"
        // jlink makes no base class-data archive; the points' archive is built on top of one
        + " && { v=$("
        + part
        + "/bin/java -Xshare:dump 2>&1) || { echo \"its java -Xshare:dump failed: $v\" >&2; rm -rf "
        + part
        + "; exit 1; }; }"
        + " && { mv -T "
        + part
        + " "
        + f
        + " 2>/dev/null || rm -rf "
        + part
        + "; }; fi";
  }
}
