package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tokbench energy} through the real command line, on the real H100 trace. */
class EnergyCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.run(out, err, args);
  }

  private static String resource(String name) throws Exception {
    return Path.of(EnergyCommandTest.class.getResource("/energy/" + name).toURI()).toString();
  }

  @Test
  void theMatmulPhaseOfTheH100TraceAsJson() throws Exception {
    int code =
        run(
            "energy",
            resource("h100-telemetry.csv"),
            "--tz",
            "UTC",
            "--from",
            "1795579760.3753743",
            "--to",
            "2026-11-25T04:09:29.2134356Z",
            "--json");

    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(code).isZero();
    assertThat(j.get("samples").asInt()).isEqualTo(88);
    assertThat(j.get("duration_s").asDouble()).isCloseTo(8.838, within(0.001));
    assertThat(j.get("joules").asDouble()).isCloseTo(5801.7, within(0.1));
    assertThat(j.get("mean_w").asDouble()).isCloseTo(656.44, within(0.01));
    assertThat(j.get("peak_w").asDouble()).isEqualTo(714.01);
    assertThat(j.get("method").asText()).isEqualTo("trapezoidal integration of power samples");
    assertThat(j.get("from").asText()).isEqualTo("2026-11-25T04:09:20.375374300Z");
  }

  @Test
  void theWholeTraceAsTextSaysHowItWasIntegrated() throws Exception {
    int code = run("energy", resource("h100-telemetry.csv"), "--tz", "UTC");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("power.draw integrated, times in UTC")
        .contains("samples: 302")
        .contains("duration_s: 30.299")
        .contains("joules: 11062.0 (trapezoidal integration of power samples)");
  }

  @Test
  void millisecondsAndSecondsGiveTheSameWindow() throws Exception {
    run(
        "energy",
        resource("h100-telemetry.csv"),
        "--tz",
        "UTC",
        "--from",
        "1795579748910ms",
        "--to",
        "1795579758.361",
        "--json");
    String ms = out.toString();
    out.getBuffer().setLength(0);
    run(
        "energy",
        resource("h100-telemetry.csv"),
        "--tz",
        "UTC",
        "--from",
        "1795579748.910",
        "--to",
        "1795579758361ms",
        "--json");

    assertThat(out.toString()).isEqualTo(ms);
  }

  @Test
  void badInputExitsTwoWithWhereItWas() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.csv"), "hello\n");

    assertThat(run("energy", junk.toString())).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("junk.csv:1: not a power trace");
    err.getBuffer().setLength(0);
    assertThat(run("energy", resource("h100-telemetry.csv"), "--from", "yesterday"))
        .isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("'yesterday' is not a time");
  }

  @Test
  void probeListsEverySourceWithItsReason() throws Exception {
    int code =
        run(
            "energy",
            "probe",
            "--nvml-library",
            dir.resolve("libnvidia-ml.so.1").toString(),
            "--powercap",
            dir.resolve("none").toString());

    assertThat(out.toString())
        .contains("nvml: no NVML: cannot load")
        .contains("rapl: no RAPL: " + dir.resolve("none") + " does not exist");
    assertThat(code).isIn(0, 1);
  }

  @Test
  void sampleRunsACommandUnderRaplAndExitsWithItsStatus() throws Exception {
    Path powercap = dir.resolve("powercap");
    Path zone = Files.createDirectories(powercap.resolve("intel-rapl:0"));
    Files.writeString(zone.resolve("name"), "package-0\n");
    Files.writeString(zone.resolve("max_energy_range_uj"), "262143328850\n");
    Files.writeString(zone.resolve("energy_uj"), "1000000\n");
    Path trace = dir.resolve("trace.csv");

    int code =
        run(
            "energy",
            "sample",
            "--source",
            "rapl",
            "--powercap",
            powercap.toString(),
            "--idle-s",
            "0.1",
            "--period-ms",
            "20",
            "--out",
            trace.toString(),
            "--json",
            "--",
            "sh",
            "-c",
            "exit 3");

    String last = err.toString().lines().reduce((a, b) -> b).orElseThrow();
    JsonNode j = new ObjectMapper().readTree(last);
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).contains("tokbench energy: rapl: available");
    assertThat(j.get("exit").asInt()).isEqualTo(3);
    assertThat(j.get("joules").asDouble()).isZero(); // the counter did not move
    assertThat(Files.readAllLines(trace).get(0)).startsWith("epoch_ms,mono_ns,source,channel");
  }
}
