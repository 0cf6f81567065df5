package dev.tokbench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokbench.serve.Script.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request that gets not one byte back (a kept-alive connection the server had closed, as
 * llama-server's cpp-httplib does after every stream) is sent once more on a new connection, and
 * its line says so: a client-side race is not a server error, and nothing is hidden.
 */
class StaleConnectionTest {
  @Test
  void aRequestThatCrossedTheServersCloseIsRetriedOnceOnANewConnection() throws Exception {
    try (ScriptedSseServer server =
        new ScriptedSseServer(n -> Script.steady(5, 1, 3)).closingAfterEachStream()) {
      ServeRuns r =
          ServeRuns.of(
              ServeBench.at(server.url())
                  .concurrency(1)
                  .requests(4)
                  .maxTokens(3)
                  .warmup(0)
                  .scrapeMetrics(false));

      List<JsonNode> q = r.requests();
      assertThat(q).allSatisfy(x -> assertThat(x.path("error").asText()).isEmpty());
      // the first request opens the connection; each later one is sent on the kept-alive one
      // first, which the server has closed (a reset and no byte), then on a new one
      assertThat(q).extracting(x -> x.path("retries").asInt()).containsExactly(0, 1, 1, 1);
      assertThat(server.crossedCloses()).isEqualTo(3);
      assertThat(q.get(1).path("retried_after").asText())
          .startsWith("connection broken: ")
          .contains("received no bytes");
      assertThat(q.get(1).path("retry_ms").isNumber()).isTrue(); // the lost attempt, kept apart
      assertThat(q.get(1).path("retry_ms").asDouble()).isNotNegative();
      assertThat(q.get(0).has("retried_after")).isFalse();
      JsonNode summary = r.kind("summary").get(0);
      assertThat(summary.path("completed").asInt()).isEqualTo(4);
      assertThat(summary.path("retries").asInt()).isEqualTo(3);
    }
  }

  @Test
  void aServerThatDropsTheRetryTooFailsTheRequestWithBothReasons() throws Exception {
    // requests 0 and 3 stream; 1 and 2 (a request and its one retry) are read and dropped
    try (ScriptedSseServer server =
        new ScriptedSseServer(
            n -> Script.steady(5, 1, 3).failing(n == 1 || n == 2 ? Fault.DROP : Fault.NONE, 0))) {
      ServeRuns r =
          ServeRuns.of(
              ServeBench.at(server.url())
                  .concurrency(1)
                  .requests(3)
                  .maxTokens(3)
                  .warmup(0)
                  .scrapeMetrics(false));

      List<JsonNode> q = r.requests();
      assertThat(q).extracting(x -> x.path("ok").asBoolean()).containsExactly(true, false, true);
      assertThat(q.get(1).path("error").asText())
          .startsWith("connection broken: ")
          .endsWith("(no response headers)");
      assertThat(q.get(1).path("retries").asInt()).isEqualTo(1);
      assertThat(q.get(1).path("retried_after").asText()).contains("received no bytes");
      assertThat(server.completionRequests()).isEqualTo(4); // one retry, never more
      assertThat(r.kind("summary").get(0).path("errors").asInt()).isEqualTo(1);
    }
  }
}
