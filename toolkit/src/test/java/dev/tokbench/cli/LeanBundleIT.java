package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.testing.FakeLlamaBench;
import dev.tokbench.testing.RunFixtures;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/lean-bundle} as the GPU box gets it: the thin jar and the measurement side's few
 * jars, no Tablesaw, no XChart, run by its launcher in fresh JVMs. Every measurement command must
 * work from it; a class of the notebook side loaded on the way would be a NoClassDefFoundError.
 * Runs after {@code package} (failsafe); the dependency jars come from this test's own class path,
 * so no Maven runs inside Maven.
 */
class LeanBundleIT {
  @TempDir static Path dir;
  private static Path launcher;

  @BeforeAll
  static void bundle() throws Exception {
    Path script = Path.of("../scripts/lean-bundle").toAbsolutePath().normalize();
    Path out = dir.resolve("bundle");
    Result r =
        run(
            List.of("bash", script.toString(), out.toString()),
            Map.of("LEAN_BUNDLE_CLASSPATH", dependencyJars()));
    assertThat(r.code).as(r.output).isZero();
    launcher = out.resolve("tokbench");
    try (Stream<Path> jars = Files.list(out.resolve("lib"))) {
      List<String> names = jars.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).hasSize(11).contains("tokbench-toolkit.jar");
      assertThat(names).noneMatch(n -> n.matches("(?i).*(tablesaw|xchart|jeromq|llama-).*"));
    }
  }

  /**
   * The jars this test's classes came from (failsafe's class path is a manifest-only jar): the
   * script picks the measurement side's out of them by name, as it does out of Maven's.
   */
  private static String dependencyJars() throws Exception {
    List<String> jars = new ArrayList<>();
    for (Class<?> c :
        List.of(
            picocli.CommandLine.class,
            org.apache.commons.csv.CSVFormat.class,
            org.apache.commons.io.IOUtils.class,
            org.apache.commons.codec.binary.Hex.class,
            com.fasterxml.jackson.core.JsonFactory.class,
            com.fasterxml.jackson.databind.ObjectMapper.class,
            com.fasterxml.jackson.annotation.JsonProperty.class,
            com.fasterxml.jackson.dataformat.yaml.YAMLFactory.class,
            org.yaml.snakeyaml.Yaml.class,
            com.sun.jna.Native.class,
            tech.tablesaw.api.Table.class, // left out by the script: checked below
            org.knowm.xchart.XYChart.class)) {
      jars.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(File.pathSeparator, jars);
  }

  private record Result(int code, String output) {}

  private static Result run(List<String> cmd, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    pb.environment()
        .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), output);
  }

  private static Result tokbench(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    Result r = run(cmd, Map.of());
    assertThat(r.output).doesNotContain("NoClassDefFoundError", "ClassNotFoundException");
    return r;
  }

  @Test
  void theGgufSynthAndDeviceCommandsRunWithoutTheNotebookSide() throws Exception {
    assertThat(tokbench("synth", "--shape", "tiny-llama", "--out", "m.gguf").code).isZero();
    Result fit = tokbench("gguf", "fit", "m.gguf", "--memory", "8GiB");
    assertThat(fit.code).as(fit.output).isZero();
    assertThat(fit.output).contains("total MiB");
    assertThat(tokbench("gguf", "inspect", "m.gguf").output).contains("GGUF v3");
    Result device = tokbench("device");
    assertThat(device.code).as(device.output).isZero();
    assertThat(device.output).contains("os: ");
    Result probe = tokbench("energy", "probe");
    assertThat(probe.code).as(probe.output).isIn(0, 1); // 1: no power source on this machine
    assertThat(probe.output).contains("nvml: ", "rapl: ");
    Result imported = tokbench("import", RunFixtures.path("llama-bench/cpu-tiny.jsonl").toString());
    assertThat(imported.code).as(imported.output).isZero();
    assertThat(imported.output).contains("tiny-llama,F16,pp64");
    assertThat(tokbench("serve-bench", "--help").code).isZero();
    // the bundle leaves the embedded llama.cpp out: said before any child JVM is started for it
    Result embedded =
        tokbench("run", "llama-bench", "--embedded", "--", "-m", "m.gguf", "-p", "8", "-n", "2");
    assertThat(embedded.code).as(embedded.output).isEqualTo(2);
    assertThat(embedded.output)
        .contains("is not on the class path (the lean bundle leaves it out)");
  }

  @Test
  void runLlamaBenchWritesItsRowsWithTheirEnergyProvenance() throws Exception {
    Path fake = FakeLlamaBench.compile(Files.createDirectories(dir.resolve("fake")));
    Path model = RunFixtures.path("../gguf/tiny-llama-F16.gguf");
    Path results = dir.resolve("r.csv");
    Result r =
        tokbench(
            "run",
            "llama-bench",
            "--binary",
            fake.toString(),
            "--env",
            "FAKE_ROW=" + FakeLlamaBench.row(),
            "--out",
            results.toString(),
            "--energy-idle-s",
            "0",
            "--",
            "-m",
            model.toString(),
            "-p",
            "64",
            "-n",
            "16");
    assertThat(r.code).as(r.output).isZero();
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).contains("tiny-llama,F16,pp64").contains("energy_source");
  }

  @Test
  void aRealLlamaBenchRunsFromTheBundleWhenThereIsOne() throws Exception {
    String bench = System.getenv("LLAMA_BENCH");
    assumeTrue(
        bench != null && new File(bench).canExecute(), "LLAMA_BENCH is not set to a llama-bench");
    Path model = RunFixtures.path("../gguf/tiny-llama-F16.gguf");
    Path results = dir.resolve("real.csv");
    Result r =
        tokbench(
            "run",
            "llama-bench",
            "--binary",
            bench,
            "--out",
            results.toString(),
            "--",
            "-m",
            model.toString(),
            "-p",
            "32",
            "-n",
            "8",
            "-r",
            "1",
            "-t",
            "1");
    assertThat(r.code).as(r.output).isZero();
    assertThat(Files.readAllLines(results)).hasSize(3);
  }
}
