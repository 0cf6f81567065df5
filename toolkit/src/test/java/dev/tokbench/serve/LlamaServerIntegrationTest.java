package dev.tokbench.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real llama-server (named by LLAMA_SERVER, e.g. /opt/llama-cpu/bin/llama-server) on the tiny
 * fixture model: its streamed /v1/completions, usage, timings, token-id prompts from its own
 * /tokenize, and /metrics all parse, a request for N tokens gets N, and every request succeeds
 * although the model has random weights (its byte tokens banned) and the server closes each
 * connection after its stream.
 */
class LlamaServerIntegrationTest {
  @TempDir Path dir;

  @Test
  void aRealLlamaServerIsLaunchedMeasuredAndStopped() throws Exception {
    String binary = System.getenv("LLAMA_SERVER");
    String why = "skipped: LLAMA_SERVER is not set to a llama-server binary";
    if (binary == null || !Files.isExecutable(Path.of(binary)))
      System.out.println(getClass().getSimpleName() + " " + why);
    assumeTrue(binary != null && Files.isExecutable(Path.of(binary)), why);
    URL model = getClass().getResource("/gguf/tiny-llama-Q8_0.gguf");
    assumeTrue(model != null, "skipped: the GGUF fixtures are not on the classpath");
    Path gguf = Path.of(model.toURI());

    ServerLaunch launch =
        ServerLaunch.llamaServer(
            binary,
            List.of(
                "-m",
                gguf.toString(),
                "--parallel",
                "2",
                "-c",
                "1024",
                "--metrics",
                "--cache-ram",
                "0",
                "-t",
                "1"));
    ServeRuns r =
        ServeRuns.of(
            ServeBench.launching(launch)
                .serverLog(dir.resolve("server.log"))
                .concurrency(1, 2)
                .requests(4)
                .promptTokens(32)
                .maxTokens(8)
                .warmup(1)
                .readyTimeout(Duration.ofMinutes(1))
                .requestTimeout(Duration.ofMinutes(1))
                .banByteTokens(true)); // random weights: keep the output UTF-8

    JsonNode run = r.kind("run").get(0);
    assertThat(run.path("server_info").path("n_vocab").asInt()).isEqualTo(512);
    assertThat(run.path("server_info").path("total_slots").asInt()).isEqualTo(2);
    assertThat(run.path("prompts").asText()).startsWith("random words tokenized by the server, 32");
    assertThat(run.path("banned_tokens").asText()).startsWith("128 byte tokens <0x80>..<0xFF>");
    assertThat(r.requests())
        .hasSize(8)
        .allSatisfy(
            q -> {
              assertThat(q.path("error").asText()).isEmpty();
              // llama-server closes the connection after each stream: a request that crossed
              // that close was sent once more, and says so
              assertThat(q.path("retries").asInt()).isBetween(0, 1);
              assertThat(q.path("prompt_tokens").asInt()).isEqualTo(32); // exact: ids, no BOS added
              assertThat(q.path("output_tokens").asInt()).isEqualTo(8);
              assertThat(q.path("output_tokens_source").asText()).isEqualTo("usage");
              assertThat(q.path("finish_reason").asText()).isEqualTo("length");
              assertThat(q.path("server_timings").path("predicted_n").asInt()).isEqualTo(8);
              assertThat(q.path("server_timings").path("cache_n").asInt()).isZero();
            });
    for (JsonNode s : r.kind("summary")) {
      assertThat(s.path("completed").asInt()).isEqualTo(4);
      JsonNode counters = s.path("server_metrics").path("counters_delta");
      assertThat(counters.path("llamacpp:tokens_predicted_total").asDouble()).isEqualTo(32.0);
      assertThat(counters.path("llamacpp:prompt_tokens_total").asDouble()).isEqualTo(4 * 32.0);
    }
    assertThat(Files.readString(dir.resolve("server.log"))).contains("listening on");
  }
}
