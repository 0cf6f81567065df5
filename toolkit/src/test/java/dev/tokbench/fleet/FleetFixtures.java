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

  /**
   * This JVM's bundle with its toolkit jar made to say {@code version} (its manifest's
   * Implementation-Version, which {@link dev.tokbench.Version} reads): a remote tokbench of another
   * version, whose hello line names it.
   */
  static Bundle bundleOfVersion(String version) throws Exception {
    List<Path> jars = new java.util.ArrayList<>(bundle().jars());
    Path toolkit = jars.get(0);
    if (!toolkit.getFileName().toString().startsWith("tokbench")) {
      throw new IllegalStateException("the bundle's first jar is not the toolkit: " + toolkit);
    }
    Path other = Files.createTempFile("tokbench-other-version-", ".jar");
    other.toFile().deleteOnExit();
    java.util.jar.Manifest m = new java.util.jar.Manifest();
    m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(java.util.jar.Attributes.Name.IMPLEMENTATION_VERSION, version);
    try (var in = new java.util.jar.JarFile(toolkit.toFile());
        var out = new java.util.jar.JarOutputStream(Files.newOutputStream(other), m)) {
      for (var e : java.util.Collections.list(in.entries())) {
        if (e.getName().equals("META-INF/MANIFEST.MF")) continue;
        out.putNextEntry(new java.util.jar.JarEntry(e.getName()));
        in.getInputStream(e).transferTo(out);
        out.closeEntry();
      }
    }
    jars.set(0, other);
    return new Bundle(jars);
  }

  /** A point's axis values: its sweep_cell less the run block's digest (" run=HASH"). */
  static String axes(BenchResult r) {
    return r.provenance().get("sweep_cell").replaceFirst(" run=\\S+$", "");
  }
}
