package dev.tokbench.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Closed and open loops, levels in order, distinct prompts and /metrics per level. */
class LoadLevelsTest {
  @Test
  void thirtyTwoStreamsAreInFlightAtOnceNotSerialisedByTheConnectionPool() throws Exception {
    try (ScriptedSseServer server = new ScriptedSseServer(n -> Script.steady(400, 10, 3))) {
      ServeRuns r =
          ServeRuns.of(
              ServeBench.at(server.url()).concurrency(32).requests(32).maxTokens(3).warmup(0));

      assertThat(server.peakInFlight()).isEqualTo(32);
      assertThat(server.connections()).isGreaterThanOrEqualTo(32);
      assertThat(r.run.summaries().get(0).peakConcurrency()).isEqualTo(32);
      assertThat(r.run.summaries().get(0).completed()).isEqualTo(32);
    }
  }

  @Test
  void aClosedLoopKeepsItsConcurrencyAndReusesConnections() throws Exception {
    try (ScriptedSseServer server = new ScriptedSseServer(n -> Script.steady(20, 2, 3))) {
      ServeRuns r =
          ServeRuns.of(
              ServeBench.at(server.url()).concurrency(3).requests(12).maxTokens(3).warmup(0));

      assertThat(server.peakInFlight()).isEqualTo(3);
      assertThat(r.run.summaries().get(0).peakConcurrency()).isEqualTo(3);
      // keep-alive: far fewer connections than requests (a few extra while one is being returned)
      assertThat(server.connections()).isLessThan(12);
    }
  }

  @Test
  void openLoopArrivalsArePoissonAndTheSameForTheSameSeed() {
    List<Double> a = LoadRunner.arrivalSeconds(10, 4001, 7);
    double meanGap = a.get(4000) / 4000;

    assertThat(meanGap).isCloseTo(0.1, within(0.01)); // 4.5 standard errors
    assertThat(LoadRunner.arrivalSeconds(10, 4001, 7)).isEqualTo(a);
    assertThat(LoadRunner.arrivalSeconds(10, 4001, 8)).isNotEqualTo(a);
    assertThat(LoadRunner.arrivalSeconds(Double.POSITIVE_INFINITY, 5, 7)).containsOnly(0.0);
    assertThat(a.get(0)).isZero();
  }

  @Test
  void anOpenLoopSendsEachRequestAtItsArrivalNeverBefore() throws Exception {
    try (ScriptedSseServer server = new ScriptedSseServer(n -> Script.steady(5, 1, 2))) {
      ServeRuns r =
          ServeRuns.of(
              ServeBench.at(server.url()).rate(40).requests(10).maxTokens(2).warmup(0).seed(3));

      // the level's seed is the run's seed + 1 + its index
      List<Double> due = LoadRunner.arrivalSeconds(40, 10, 4);
      List<JsonNode> q = r.requests();
      for (int i = 0; i < 10; i++) {
        assertThat(q.get(i).path("scheduled_ms").asDouble())
            .isCloseTo(due.get(i) * 1000, within(0.002));
        assertThat(q.get(i).path("send_lag_ms").asDouble()).isGreaterThanOrEqualTo(0);
      }
      JsonNode s = r.kind("summary").get(0);
      assertThat(s.path("rate").asDouble()).isEqualTo(40.0);
      assertThat(s.path("level").asText()).isEqualTo("rate 40/s");
      assertThat(s.has("send_lag_p99_ms")).isTrue();
    }
  }

  @Test
  void levelsRunInOrderEachWithItsSummaryAndEveryPromptIsDistinct() throws Exception {
    try (ScriptedSseServer server = new ScriptedSseServer(n -> Script.steady(5, 1, 2))) {
      ServeRuns r =
          ServeRuns.of(
              ServeBench.at(server.url())
                  .levels(
                      List.of(
                          Level.concurrency(1),
                          Level.concurrency(2),
                          Level.rate(Double.POSITIVE_INFINITY)))
                  .requests(3)
                  .promptTokens(8)
                  .maxTokens(2)
                  .warmup(1));

      List<JsonNode> summaries = r.kind("summary");
      assertThat(summaries)
          .extracting(s -> s.path("level").asText())
          .containsExactly("concurrency 1", "concurrency 2", "rate inf");
      assertThat(summaries.get(2).path("rate").asText()).isEqualTo("inf");
      for (JsonNode s : summaries)
        for (String key : ServeJson.SUMMARY_KEYS)
          assertThat(s.path(key).isNull()).as(key).isFalse();
      assertThat(r.requests())
          .extracting(q -> q.path("index").asInt())
          .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
      Set<String> prompts = new HashSet<>();
      server
          .bodies()
          .forEach(
              b -> prompts.add(b.substring(b.indexOf("\"prompt\""), b.indexOf("\"max_tokens\""))));
      assertThat(prompts).hasSize(10);
      assertThat(server.bodies().get(0))
          .contains(
              "\"cache_prompt\":false",
              "\"ignore_eos\":true",
              "\"include_usage\":true",
              "\"model\":\"scripted-model\"");
    }
  }

  @Test
  void eachSummaryCarriesTheServersMetricsCountedOverItsLevelOnly() throws Exception {
    try (ScriptedSseServer server = new ScriptedSseServer(n -> Script.steady(5, 1, -1))) {
      ServeRuns r =
          ServeRuns.of(
              ServeBench.at(server.url()).concurrency(1, 2).requests(4).maxTokens(3).warmup(2));

      for (JsonNode s : r.kind("summary")) {
        JsonNode m = s.path("server_metrics");
        assertThat(m.path("counters_delta").path("scripted:requests_total").asDouble())
            .isEqualTo(4.0);
        assertThat(m.path("counters_delta").path("scripted:tokens_total").asDouble())
            .isEqualTo(12.0);
        // a gauge is read as it stands when the level ends: the server may not yet have counted
        // the last stream out (its client already has [DONE]), so 0 or 1, never more than a level
        assertThat(m.path("gauges").path("scripted:requests_processing").asDouble())
            .isBetween(0.0, s.path("concurrency").asDouble(2.0));
      }
    }
  }
}
