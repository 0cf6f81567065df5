// Benchmark (not a test), run by scripts/bench-runs with the shaded jar on the class path:
// the launcher's own cost (process launch through Launcher, streaming, jsonl parsing into
// BenchResult rows with provenance) over the bare process replaying the same 10,000-row
// llama-bench jsonl stream, read and discarded.
import dev.tokbench.run.LlamaBench;
import dev.tokbench.run.RunResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public class RunOverhead {
  public static void main(String[] args) throws Exception {
    Path fixture = Path.of(args[0]);
    int rows = Integer.parseInt(args[1]);
    int reps = Integer.parseInt(args[2]);
    Path dir = Files.createTempDirectory("bench-runs");
    Path stream = dir.resolve("stream.jsonl");
    List<String> lines = Files.readAllLines(fixture);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rows; i++) out.add(lines.get(i % lines.size()));
    Files.write(stream, out);
    // the same program stands in for llama-bench in both cases; it ignores llama-bench's flags
    Path paced = script(dir, "paced.sh", "exec awk 'NR%100==0{fflush(); system(\"sleep 0.05\")} {print}' " + stream);
    Path flat = script(dir, "flat.sh", "exec cat " + stream);
    System.out.printf(Locale.ROOT, "stream: %d llama-bench jsonl rows, %.1f MiB; %d runs each, medians%n", rows, Files.size(stream) / 1048576.0, reps);
    compare("paced (100 rows per 50 ms, ~5 s)", paced, rows, reps);
    compare("unpaced (cat, worst case)", flat, rows, reps);
    Files.walk(dir).sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
  }

  static void compare(String name, Path program, int rows, int reps) throws Exception {
    bare(program);
    tokbench(program, rows); // warm-up: class loading and JIT
    List<Double> b = new ArrayList<>();
    List<Double> t = new ArrayList<>();
    for (int i = 0; i < reps; i++) {
      b.add(bare(program));
      t.add(tokbench(program, rows));
    }
    double bm = median(b);
    double tm = median(t);
    System.out.printf(Locale.ROOT, "%-34s bare %8.1f ms, through tokbench %8.1f ms, overhead %+7.1f ms per run (%+.2f%%), %.2f us per row%n",
        name, bm, tm, tm - bm, 100 * (tm - bm) / bm, 1000 * (tm - bm) / rows);
  }

  static double bare(Path program) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(program.toString(), "-o", "jsonl").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = p.getInputStream()) {
      while (in.read(buf) >= 0) {}
    }
    p.waitFor();
    return (System.nanoTime() - t0) / 1e6;
  }

  static double tokbench(Path program, int rows) {
    long t0 = System.nanoTime();
    RunResult r = LlamaBench.at(program).machine(Map.of("host", "bench")).run();
    double ms = (System.nanoTime() - t0) / 1e6;
    if (r.rows().size() != rows || !r.allOk()) throw new IllegalStateException("expected " + rows + " ok rows, got " + r);
    return ms;
  }

  static Path script(Path dir, String name, String body) throws Exception {
    Path p = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }
}
