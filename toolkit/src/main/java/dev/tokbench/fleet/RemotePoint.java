package dev.tokbench.fleet;

import dev.tokbench.BadInputException;
import dev.tokbench.Version;
import dev.tokbench.sweep.Sweep;
import dev.tokbench.sweep.SweepFile;
import dev.tokbench.sweep.SweepPoint;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The remote side of a fleet: runs one point of a sweep file and prints its rows in the {@link
 * PointProtocol} as they come. A main of its own (not the command line) so that it needs only the
 * measurement side's jars: {@code java -cp 'bundle/HASH/lib/*' dev.tokbench.fleet.RemotePoint
 * sweep.yaml 'model=a.gguf,fa=1'}.
 */
public final class RemotePoint {
  private RemotePoint() {}

  /** Exit 0 once the point's rows are out (failed rows included), 2 for bad arguments. */
  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err); // only protocol lines on stdout, whatever a library prints
    System.exit(run(args, out));
  }

  static int run(String[] args, PrintStream out) {
    if (args.length != 2) {
      System.err.println("usage: RemotePoint SWEEP_FILE POINT_KEY");
      return 2;
    }
    try {
      Sweep sweep = SweepFile.read(Path.of(args[0]));
      SweepPoint point =
          sweep.points().stream()
              .filter(p -> p.key().equals(args[1]))
              .findFirst()
              .orElseThrow(() -> new BadInputException("no point " + args[1] + " in " + args[0]));
      out.println(PointProtocol.hello(Version.current()));
      int[] rows = {0};
      sweep
          .runner()
          .run(
              point,
              r -> {
                out.println(PointProtocol.row(r));
                rows[0]++;
              });
      out.println(PointProtocol.done(rows[0]));
      return 0;
    } catch (BadInputException e) {
      System.err.println("tokbench (remote): " + e.getMessage());
      return 2;
    }
  }
}
