package dev.tokbench.fleet;

import dev.tokbench.results.BenchResult;
import dev.tokbench.testing.RunFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A sweep folder for fleet tests: a stand-in llama-bench replaying a real CPU run, 6 points. */
final class FleetFixtures {
  private FleetFixtures() {}

  /**
   * The stand-in prints the 8 rows llama-bench printed on a CPU (cpu-tiny.jsonl). With {@code
   * WAIT_FOR} it first waits for that file; with {@code HANG_AFTER=N} it prints N rows and hangs;
   * with {@code HANG_ONCE=FILE} it hangs after one row if FILE does not exist, making it.
   */
  static final String BENCH =
      String.join(
          "\n",
          "#!/bin/sh",
          "if [ -n \"$WAIT_FOR\" ]; then while [ ! -e \"$WAIT_FOR\" ]; do sleep 0.05; done; fi",
          "if [ -n \"$HANG_AFTER\" ]; then head -n \"$HANG_AFTER\" \"$BENCH_DATA\"; exec sleep 600; fi",
          "if [ -n \"$HANG_ONCE\" ] && [ ! -e \"$HANG_ONCE\" ]; then",
          "  case \" $* \" in *\" $HANG_MODEL \"*)",
          "    : > \"$HANG_ONCE\"; head -n 1 \"$BENCH_DATA\"; exec sleep 600;;",
          "  esac",
          "fi",
          "cat \"$BENCH_DATA\"",
          "");

  /** Writes sweep.yaml, bin/bench.sh and data/cpu-tiny.jsonl in {@code dir}; axes as given. */
  static Path sweep(Path dir, String axes) throws Exception {
    Files.createDirectories(dir.resolve("bin"));
    Files.createDirectories(dir.resolve("data"));
    Path bench = Files.writeString(dir.resolve("bin/bench.sh"), BENCH);
    Files.setPosixFilePermissions(bench, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.copy(RunFixtures.path("llama-bench/cpu-tiny.jsonl"), dir.resolve("data/cpu-tiny.jsonl"));
    String yaml =
        String.join(
            "\n",
            "name: fleet-test",
            "store: out/store.jsonl",
            "axes:",
            axes,
            "run:",
            "  framework: llama-bench",
            "  binary: bin/bench.sh",
            "  args: [-m, \"${model}\", -fa, \"${fa}\"]",
            "  env: {BENCH_DATA: data/cpu-tiny.jsonl}",
            "  timeout_s: 120",
            "");
    return Files.writeString(dir.resolve("sweep.yaml"), yaml);
  }

  static Map<String, Long> rowsPerPoint(List<BenchResult> rows) {
    return rows.stream().collect(Collectors.groupingBy(FleetFixtures::axes, Collectors.counting()));
  }

  /** The toolkit as the remote side needs it: this JVM's measurement jars and classes. */
  static Bundle bundle() {
    return Bundle.current();
  }

  /** A point's axis values: its sweep_cell less the run block's digest (" run=HASH"). */
  static String axes(BenchResult r) {
    return r.provenance().get("sweep_cell").replaceFirst(" run=\\S+$", "");
  }
}
