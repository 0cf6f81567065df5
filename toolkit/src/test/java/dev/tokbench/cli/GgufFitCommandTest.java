package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code tokbench gguf fit} through the real command line. */
class GgufFitCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.run(out, err, args);
  }

  private static String headerOnly1b() {
    try {
      return Path.of(
              GgufFitCommandTest.class
                  .getResource("/gguf/llama-3.2-1b-Q4_K_M.header-only.gguf")
                  .toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void jsonHasTheIssuesKeysWithTheGpuFirstAndTheHostLast() throws Exception {
    int rc =
        run(
            "gguf",
            "fit",
            headerOnly1b(),
            "--ctx",
            "32768",
            "--ctk",
            "q8_0",
            "--ctv",
            "q8_0",
            "--memory",
            "24GiB",
            "--json");

    assertThat(rc).as(err.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("devices")).hasSize(2);
    JsonNode gpu = j.get("devices").get(0);
    assertThat(gpu.get("device").asText()).isEqualTo("CUDA0");
    assertThat(j.get("devices").get(1).get("device").asText()).isEqualTo("Host");
    for (String key :
        new String[] {"model_bytes", "kv_bytes", "compute_bytes", "output_bytes", "total_bytes"}) {
      assertThat(gpu.has(key)).as(key).isTrue();
    }
    // the H200 fixture's measurement of this configuration: 762.81 + 544.00 + 254.50 MiB
    assertThat(gpu.get("model_bytes").asLong()).isEqualTo(799_862_784L);
    assertThat(gpu.get("kv_bytes").asLong()).isEqualTo(544L << 20);
    assertThat(gpu.get("compute_bytes").asLong()).isEqualTo((long) (254.5 * (1 << 20)));
    assertThat(j.get("fits").asBoolean()).isTrue();
    assertThat(j.get("max_context").asLong()).isEqualTo(131072);
    assertThat(j.get("max_ngl").asInt()).isEqualTo(17);
  }

  @Test
  void withoutAMemorySizeFitsAndTheMaximaAreNull() throws Exception {
    int rc =
        run(
            "gguf",
            "fit",
            "--shape",
            "llama-3.2-1b",
            "--type",
            "Q4_K_M",
            "--ctx",
            "4096",
            "--json");

    assertThat(rc).as(err.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("fits").isNull()).isTrue();
    assertThat(j.get("max_context").isNull()).isTrue();
    assertThat(j.get("max_ngl").isNull()).isTrue();
  }

  @Test
  void textShowsEveryDeviceAndTheVerdict() {
    int rc =
        run(
            "gguf",
            "fit",
            "--shape",
            "llama-3.1-70b",
            "--type",
            "Q4_K_M",
            "--ctx",
            "4096",
            "--device",
            "RTX 4090");

    assertThat(rc).as(err.toString()).isZero();
    assertThat(out.toString()).contains("CUDA0", "Host", "DOES NOT FIT", "max -ngl");
  }

  @Test
  void badInputExitsTwoNamingTheValidValues() {
    assertThat(run("gguf", "fit", "--shape", "llama-9b")).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("unknown shape 'llama-9b'", "llama-3.1-70b");

    err.getBuffer().setLength(0);
    assertThat(run("gguf", "fit", "--shape", "llama-3.2-1b", "--ctk", "q9")).isEqualTo(2);
    assertThat(err.toString()).contains("q9", "f16, bf16, q8_0");

    err.getBuffer().setLength(0);
    assertThat(run("gguf", "fit", "--shape", "qwen3-1.7b", "--ctx", "131072")).isEqualTo(2);
    assertThat(err.toString()).contains("40960", "--allow-long-context");

    err.getBuffer().setLength(0);
    assertThat(run("gguf", "fit", "--shape", "llama-3.2-1b", "--device", "H999")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown device 'H999'", "NVIDIA H200 141GB");
  }

  @Test
  void aFileAndAShapeTogetherAreAUsageError() {
    assertThat(run("gguf", "fit", headerOnly1b(), "--shape", "llama-3.2-1b")).isEqualTo(2);
    assertThat(err.toString()).contains("not both");
  }
}
