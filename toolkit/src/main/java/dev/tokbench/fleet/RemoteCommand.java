package dev.tokbench.fleet;

import dev.tokbench.sweep.SweepPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shell line that runs one point on a target, from the sweep's folder there: {@code cd
 * WORKDIR/sweeps/S && exec env TOKBENCH_TARGET=name … java -cp '../../bundle/H/lib/*'
 * dev.tokbench.fleet.RemotePoint sweep.yaml KEY}.
 *
 * <p>The JVM start is most of a point's fixed cost, so the first point a target runs also writes a
 * class-data archive of the classes it loaded ({@code -XX:ArchiveClassesAtExit}, under a temporary
 * name renamed once complete), and later points map it ({@code -XX:SharedArchiveFile}): 3.1 s down
 * to 1.6 s a point on the loaded 2-core test machine. A JVM that cannot use the archive (another
 * build, no base archive) starts without it.
 */
final class RemoteCommand {
  private RemoteCommand() {}

  /** The line, {@code key} left as the shell word {@code keyWord} (a quoted key, or "$key"). */
  static String line(Target t, Bundle bundle, SweepInputs inputs, String keyWord) {
    List<String> env = new ArrayList<>(List.of("env", "TOKBENCH_TARGET=" + t.name()));
    for (Map.Entry<String, String> e : t.env().entrySet()) env.add(e.getKey() + "=" + e.getValue());
    String cd = "cd " + Shell.quote(t.workdir() + "/" + inputs.folder()) + " && ";
    String head = Shell.words(env) + " " + Shell.quote(t.java()) + " ";
    String tail =
        Shell.words(t.javaOptions())
            + " "
            + Shell.words(
                List.of(
                    "-cp",
                    "../../" + bundle.folder() + "/lib/*",
                    RemotePoint.class.getName(),
                    inputs.fileName()))
            + " "
            + keyWord;
    if (!archives(t)) return cd + "exec " + head + tail;
    String a = "../../" + bundle.folder() + "/cds-" + Checksums.ofText(t.java()).substring(0, 12);
    return cd
        + "a="
        + Shell.quote(a + ".jsa")
        + "; if [ -f \"$a\" ]; then exec "
        + head
        + "-XX:SharedArchiveFile=\"$a\" "
        + tail
        + "; else "
        + head
        + "-XX:ArchiveClassesAtExit=\"$a.$$\" "
        + tail
        + "; s=$?; mv -f \"$a.$$\" \"$a\" 2>/dev/null; exit $s; fi";
  }

  /** Unless the fleet file's java_options choose class data sharing themselves. */
  private static boolean archives(Target t) {
    return t.javaOptions().stream()
        .map(o -> o.toLowerCase(Locale.ROOT))
        .noneMatch(
            o ->
                o.startsWith("-xshare")
                    || o.contains("sharedarchivefile")
                    || o.contains("archiveclassesatexit"));
  }

  /** The line for one point over SSH. */
  static String line(Target t, Bundle bundle, SweepInputs inputs, SweepPoint point) {
    return line(t, bundle, inputs, Shell.quote(point.key()));
  }
}
