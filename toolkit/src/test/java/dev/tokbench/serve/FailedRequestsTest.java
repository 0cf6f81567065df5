package dev.tokbench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokbench.serve.Script.Fault;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every way a request can go wrong becomes a failed request line with its reason, and the level
 * still gets its summary with the failures counted: never a lost request or level.
 */
class FailedRequestsTest {
  private static final List<Fault> FAULTS =
      List.of(
          Fault.NONE,
          Fault.HTTP_500,
          Fault.RESET,
          Fault.END_WITHOUT_DONE,
          Fault.MALFORMED,
          Fault.ERROR_EVENT,
          Fault.HANG,
          Fault.NONE);

  @Test
  void eachFaultIsAFailedRequestWithItsReasonAndTheLevelIsSummarised() throws Exception {
    try (ScriptedSseServer server =
        new ScriptedSseServer(
            n -> Script.steady(10, 5, 4).failing(FAULTS.get(n % FAULTS.size()), 2))) {
      ServeRuns r =
          ServeRuns.of(
              ServeBench.at(server.url())
                  .concurrency(1)
                  .requests(FAULTS.size())
                  .promptTokens(4)
                  .maxTokens(4)
                  .warmup(0)
                  .requestTimeout(Duration.ofMillis(1500)));

      List<JsonNode> q = r.requests();
      assertThat(q).hasSize(FAULTS.size());
      assertThat(q.get(0).path("ok").asBoolean()).isTrue();
      assertThat(error(q, 1)).startsWith("HTTP 500: ").contains("scripted failure");
      assertThat(q.get(1).path("status").asInt()).isEqualTo(500);
      assertThat(error(q, 2)).startsWith("connection broken: ").contains("(2 content chunks");
      assertThat(error(q, 3)).startsWith("stream ended without [DONE] after 2 events");
      assertThat(error(q, 4)).startsWith("malformed event 3 ").contains("{not json");
      assertThat(error(q, 5))
          .startsWith("server error event: ")
          .contains("scripted decode failure");
      assertThat(error(q, 6)).startsWith("timed out after 1.5 s (2 content chunks");
      assertThat(q.get(7).path("ok").asBoolean()).isTrue();

      JsonNode summary = r.kind("summary").get(0);
      assertThat(summary.path("requests").asInt()).isEqualTo(8);
      assertThat(summary.path("completed").asInt()).isEqualTo(2);
      assertThat(summary.path("errors").asInt()).isEqualTo(6);
      assertThat(summary.path("error_reasons").size()).isEqualTo(6);
      assertThat(summary.path("output_tokens").asInt()).isEqualTo(8); // the two good requests only
      assertThat(r.run.allOk()).isFalse();
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutWithoutHeaders() throws Exception {
    try (ScriptedSseServer server =
        new ScriptedSseServer(n -> Script.steady(60_000, 5, 4))) { // first token after a minute
      ServeRuns r =
          ServeRuns.of(
              ServeBench.at(server.url())
                  .concurrency(2)
                  .requests(2)
                  .warmup(0)
                  .requestTimeout(Duration.ofMillis(800)));

      assertThat(r.requests())
          .allSatisfy(
              q ->
                  assertThat(q.path("error").asText())
                      .startsWith("timed out after 0.8 s (0 content chunks"));
      assertThat(r.kind("summary").get(0).path("errors").asInt()).isEqualTo(2);
    }
  }

  @Test
  void aRefusedConnectionIsAFailedRequestNotAnException() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    ServeRuns r =
        ServeRuns.of(
            ServeBench.at("http://127.0.0.1:" + port)
                .concurrency(1)
                .requests(2)
                .warmup(0)
                .scrapeMetrics(false)
                .promptFormat(ServeSettings.PromptFormat.TEXT));

    assertThat(r.requests())
        .allSatisfy(
            q ->
                assertThat(q.path("error").asText())
                    .startsWith("connection refused")
                    .endsWith("(no response headers)"))
        .allSatisfy(q -> assertThat(q.path("client_queue_ms").isNull()).isTrue()); // never sent
    assertThat(r.kind("summary").get(0).path("errors").asInt()).isEqualTo(2);
    assertThat(r.kind("run").get(0).path("server_info").path("models_error").asText()).isNotEmpty();
  }

  private static String error(List<JsonNode> q, int i) {
    assertThat(q.get(i).path("ok").asBoolean()).as("request %d ok", i).isFalse();
    return q.get(i).path("error").asText();
  }
}
