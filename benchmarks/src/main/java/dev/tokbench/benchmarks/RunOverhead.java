package dev.tokbench.benchmarks;

// Benchmark (not a test), run by scripts/bench-runs with the shaded jar on the class path.
// What it compares, stated plainly:
//  1. in-process (the target): the same program replaying a 10,000-row llama-bench jsonl stream,
//     (a) launched by a bare ProcessBuilder whose stdout is read in 64 KiB blocks and discarded,
//     (b) launched through LlamaBench.run(): Launcher, line splitting, jsonl parsing into
//     BenchResult rows with provenance, all rows kept. Same JVM, after three warm-up runs;
//     the first (cold: class loading, interpreter) run is printed separately. "cpu" is this JVM's
//     CPU time during the run (the bare case reads a pipe and costs almost none), a figure that
//     other load on the machine does not inflate the way it inflates wall time.
//  2. end to end (what a user of the command line pays once per command): scripts/tokbench
//     starting a fresh JVM running `run llama-bench`, printing CSV or with `--out F.jsonl` (JVM
// start, picocli, the machine probe with
//     nvidia-smi, every row forced to disk by the store) against the same program run bare.
import dev.tokbench.run.RunResult;
import dev.tokbench.run.llamacpp.LlamaBench;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public class RunOverhead {
  static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  record Sample(double wallMs, double cpuMs) {}

  static final String PERL_PACER =
      "open(F, \"<\", $ARGV[0]) or die; my $b = \"\"; while (<F>) { $b .= $_;"
          + " if ($. % 100 == 0) { syswrite(STDOUT, $b); $b = \"\"; select(undef, undef, undef, 0.05) } }"
          + " syswrite(STDOUT, $b)";

  public static void main(String[] args) throws Exception {
    Path fixture = Path.of(args[0]);
    int rows = Integer.parseInt(args[1]);
    int reps = Integer.parseInt(args[2]);
    Path tokbench = Path.of(args[3]); // scripts/tokbench, as a user runs it
    Path dir = Files.createTempDirectory("bench-runs");
    Path stream = dir.resolve("stream.jsonl");
    List<String> lines = Files.readAllLines(fixture);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rows; i++) out.add(lines.get(i % lines.size()));
    Files.write(stream, out);
    // the same program stands in for llama-bench in both cases; it ignores llama-bench's flags
    // Paced like a process that works between rows: 100 rows in one write, then 50 ms of sleep in
    // the same process. (An awk pacer that forked `sleep` 100 times per run made the bare runs
    // themselves vary by +-100 ms, more than the overhead to be measured.)
    Path paced = script(dir, "paced.sh", "exec perl -e '" + PERL_PACER + "' " + stream);
    Path flat = script(dir, "flat.sh", "exec cat " + stream);
    System.out.printf(
        Locale.ROOT,
        "stream: %d llama-bench jsonl rows, %.1f MiB; %d runs each, medians%n",
        rows,
        Files.size(stream) / 1048576.0,
        reps);
    Sample cold = tokbench(flat, rows);
    System.out.printf(
        Locale.ROOT,
        "in-process, first run in this JVM (cold, unpaced): %.1f ms wall, %.1f ms cpu%n",
        cold.wallMs,
        cold.cpuMs);
    compare("paced (100 rows per 50 ms, ~5 s)", paced, rows, reps);
    compare("unpaced (cat, worst case)", flat, rows, reps);
    endToEnd(tokbench, paced, dir, rows, Math.max(1, reps / 2 + 1));
    Files.walk(dir).sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
  }

  static void compare(String name, Path program, int rows, int reps) throws Exception {
    bare(program);
    // warm-up: class loading and JIT; the JIT keeps compiling for about three runs of 10,000 rows
    for (int i = 0; i < 3; i++) tokbench(program, rows);
    List<Double> b = new ArrayList<>();
    List<Double> t = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int i = 0; i < reps; i++) { // interleaved, so drift in the machine hits both alike
      b.add(bare(program));
      Sample s = tokbench(program, rows);
      t.add(s.wallMs);
      cpu.add(s.cpuMs);
    }
    print("in-process " + name, median(b), median(t), rows);
    List<Double> aa = new ArrayList<>();
    for (int i = 1; i < b.size(); i++) aa.add(Math.abs(b.get(i) - b.get(i - 1)));
    System.out.printf(
        Locale.ROOT,
        "    noise: bare runs differ from the one before by %.1f ms (median); bare min %.1f ms, through tokbench min %.1f ms%n",
        median(aa),
        Collections.min(b),
        Collections.min(t));
    System.out.printf(
        Locale.ROOT,
        "    launcher cpu %.1f ms per run (%.2f us per row)%n",
        median(cpu),
        1000 * median(cpu) / rows);
  }

  static void endToEnd(Path tokbench, Path program, Path dir, int rows, int reps) throws Exception {
    List<Double> start = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    List<Double> printed = new ArrayList<>();
    List<Double> stored = new ArrayList<>();
    List<String> cli =
        List.of(tokbench.toString(), "run", "llama-bench", "--binary", program.toString());
    for (int i = 0; i < reps; i++) {
      start.add(wall(List.of(tokbench.toString(), "--version")));
      b.add(wall(List.of(program.toString())));
      printed.add(wall(cli)); // rows printed as CSV when the run ends, no store
      Path store = dir.resolve("store" + i + ".jsonl");
      List<String> withStore = new ArrayList<>(cli);
      withStore.addAll(List.of("--out", store.toString()));
      stored.add(wall(withStore)); // every row appended and forced to disk as it arrives
      long n = Files.lines(store).count();
      if (n != rows) throw new IllegalStateException("expected " + rows + " stored rows, got " + n);
    }
    System.out.printf(
        Locale.ROOT, "scripts/tokbench --version (JVM start, picocli): %.1f ms%n", median(start));
    print("end to end, paced: run llama-bench (CSV on stdout)", median(b), median(printed), rows);
    print(
        "end to end, paced: run llama-bench --out F.jsonl (fsync/row)",
        median(b),
        median(stored),
        rows);
  }

  static void print(String name, double bm, double tm, int rows) {
    System.out.printf(
        Locale.ROOT,
        "%-58s bare %8.1f ms, through tokbench %8.1f ms, overhead %+7.1f ms per run (%+.2f%%), %.2f us per row%n",
        name,
        bm,
        tm,
        tm - bm,
        100 * (tm - bm) / bm,
        1000 * (tm - bm) / rows);
  }

  static double bare(Path program) throws Exception {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(program.toString(), "-o", "jsonl")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = p.getInputStream()) {
      while (in.read(buf) >= 0) {}
    }
    p.waitFor();
    return (System.nanoTime() - t0) / 1e6;
  }

  static Sample tokbench(Path program, int rows) {
    long c0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    RunResult r = LlamaBench.at(program).machine(Map.of("host", "bench")).run();
    double ms = (System.nanoTime() - t0) / 1e6;
    double cpu = (OS.getProcessCpuTime() - c0) / 1e6;
    if (r.rows().size() != rows || !r.allOk())
      throw new IllegalStateException("expected " + rows + " ok rows, got " + r);
    return new Sample(ms, cpu);
  }

  static double wall(List<String> command) throws Exception {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int code = p.waitFor();
    if (code != 0) throw new IllegalStateException(command + " exited " + code);
    return (System.nanoTime() - t0) / 1e6;
  }

  static Path script(Path dir, String name, String body) throws Exception {
    Path p = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.size() % 2 == 1
        ? s.get(s.size() / 2)
        : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }
}
