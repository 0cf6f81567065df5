package dev.tokbench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import dev.tokbench.energy.SourceConfig;
import dev.tokbench.results.BenchResult;
import dev.tokbench.testing.ConstantNvml;
import dev.tokbench.testing.FakeLlamaBench;
import dev.tokbench.testing.RunFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's run block sets how its points measure energy ({@code energy}, {@code energy_period_ms},
 * {@code energy_idle_s}), checked when the file is read like its other keys, and every point's rows
 * are measured so (a compiled llama-bench stand-in, a gcc-built NVML stand-in at 150 W).
 */
class SweepEnergyTest {
  @TempDir static Path dir;
  private static Path fake;
  private static Path nvml;

  @BeforeAll
  static void compile() throws Exception {
    fake = FakeLlamaBench.compile(dir);
    nvml = ConstantNvml.compile(dir, 150);
  }

  private static Path yaml(String name, String... energy) throws Exception {
    Path model = RunFixtures.path("../gguf/tiny-llama-F16.gguf");
    String text =
        String.join(
            "\n",
            "name: " + name,
            "store: " + name + ".jsonl",
            "axes:",
            "  p: [\"16\", \"32\"]",
            "run:",
            "  framework: llama-bench",
            "  binary: " + fake,
            "  args: [-m, " + model + ", -p, \"${p}\", -n, \"0\", -r, \"2\"]",
            "  env:",
            "    FAKE_ROW: " + FakeLlamaBench.row(),
            "    FAKE_TEST_MS: \"40\"",
            String.join("\n", energy),
            "");
    return Files.writeString(dir.resolve(name + ".yaml"), text);
  }

  private static SweepReport run(Path file) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return SweepFile.read(file).progress(quiet, false).run();
  }

  @Test
  void theRunBlocksEnergyKeysReachEveryPoint() throws Exception {
    Path file = yaml("nvml", "  energy: [nvml]", "  energy_period_ms: 20", "  energy_idle_s: 0.1");
    String before = System.getProperty(SourceConfig.NVML_PROPERTY);
    System.setProperty(SourceConfig.NVML_PROPERTY, nvml.toString());
    SweepReport r;
    try {
      r = run(file);
    } finally {
      if (before == null) System.clearProperty(SourceConfig.NVML_PROPERTY);
      else System.setProperty(SourceConfig.NVML_PROPERTY, before);
    }

    assertThat(r.rows()).hasSize(2).allMatch(BenchResult::ok);
    for (BenchResult row : r.rows()) {
      assertThat(row.provenance())
          .containsEntry("energy_source", "nvml")
          .containsEntry("energy_period_ms", "20");
      assertThat(row.extra()).containsEntry("mean_w", "150.00").containsKey("rep_energy_j");
    }
  }

  @Test
  void offMeasuresNothingInAnyPoint() throws Exception {
    SweepReport r = run(yaml("off", "  energy: \"off\""));

    assertThat(r.rows()).hasSize(2);
    assertThat(r.rows())
        .allSatisfy(row -> assertThat(row.provenance()).containsEntry("energy_source", "off"));
  }

  @Test
  void aBadEnergyKeyIsBadInputNamingItsKeyAndLine() throws Exception {
    assertThatThrownBy(() -> SweepFile.read(yaml("typo", "  energy: nvm,rapl")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(":12: run.energy: unknown power source 'nvm'");
    assertThatThrownBy(() -> SweepFile.read(yaml("period", "  energy_period_ms: 0.5")))
        .hasMessageContaining(":12: run.energy_period_ms must be a whole number, got '0.5'");
    assertThatThrownBy(() -> SweepFile.read(yaml("idle", "  energy_idle_s: -3")))
        .hasMessageContaining(":12: run.energy_idle_s must be seconds from 0 to 3600, got '-3'");
    assertThatThrownBy(() -> SweepFile.read(yaml("misspelt", "  energy_period: 50")))
        .hasMessageContaining(
            ":12: unknown key 'energy_period' in run; did you mean 'energy_period_ms'?");
  }
}
