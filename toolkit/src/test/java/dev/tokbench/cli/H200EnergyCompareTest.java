package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The H200 check, recomputed here from the raw traces through {@code tokbench energy
 * TRACE}: {@code scripts/compare-energy} ran llama-bench (8B Q4_K_M, pp512 and tg128, 5 reps) under
 * {@code tokbench energy sample} (NVML's energy counter, 100 ms) with {@code nvidia-smi
 * --query-gpu=...,power.draw.instant,power.draw -lms 100} beside it; the two energy figures over
 * the run's window must agree within 5 %.
 */
class H200EnergyCompareTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path resource(String name) throws Exception {
    return Path.of(
        H200EnergyCompareTest.class.getResource("/energy/h200-2026-12-01/" + name).toURI());
  }

  private static JsonNode energy(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(args);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute(args)).as(err.toString()).isZero();
    return JSON.readTree(out.toString());
  }

  private static JsonNode over(String trace, String... more) throws Exception {
    // the window is the sampled run's own, as energy sample recorded it (not typed in here)
    JsonNode run = JSON.readTree(resource("compare/nvml.json").toFile());
    String[] base = {
      "energy",
      resource(trace).toString(),
      "--tz",
      "UTC",
      "--from",
      run.get("from").asText(),
      "--to",
      run.get("to").asText(),
      "--json"
    };
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return energy(all);
  }

  @Test
  void nvmlsCounterAndNvidiaSmisInstantPowerAgreeWithinFivePercent() throws Exception {
    JsonNode nvml = over("compare/nvml.csv");
    JsonNode smi = over("compare/nvidia-smi.csv");

    assertThat(nvml.get("method").asText()).isEqualTo("energy counter difference");
    assertThat(smi.get("method").asText()).isEqualTo("trapezoidal integration of power samples");
    assertThat(smi.get("trace").asText()).contains("power.draw.instant");
    double diff = smi.get("joules").asDouble() / nvml.get("joules").asDouble() - 1;
    assertThat(Math.abs(diff)).isLessThan(0.05);
    assertThat(nvml.get("duration_s").asDouble()).isEqualTo(smi.get("duration_s").asDouble());
    // and this machine computes what the H200's own run of the same code wrote
    for (String[] pair : new String[][] {{"nvml.json", "nvml"}, {"nvidia-smi.json", "smi"}}) {
      JsonNode there = JSON.readTree(resource("compare/" + pair[0]).toFile());
      JsonNode here = pair[1].equals("nvml") ? nvml : smi;
      assertThat(here.get("joules").asDouble())
          .isCloseTo(there.get("joules").asDouble(), within(1e-6));
      assertThat(here.get("samples").asInt()).isEqualTo(there.get("samples").asInt());
    }
  }

  @Test
  void nvidiaSmisOneSecondAveragedPowerDrawMissesByMoreThanTheTolerance() throws Exception {
    JsonNode nvml = over("compare/nvml.csv");
    JsonNode avg = over("compare/nvidia-smi.csv", "--column", "power.draw");

    double diff = avg.get("joules").asDouble() / nvml.get("joules").asDouble() - 1;
    // power.draw lags a run that starts and stops inside the window: why instant is preferred
    assertThat(diff).isLessThan(-0.05);
    assertThat(avg.get("peak_w").asDouble()).isGreaterThanOrEqualTo(avg.get("mean_w").asDouble());
  }
}
