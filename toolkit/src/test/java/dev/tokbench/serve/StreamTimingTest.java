package dev.tokbench.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TTFT, ITL, TPOT and token counts against a scripted SSE server on loopback: the script fixes when
 * each chunk leaves, so each measured latency has a known lower bound and each count is exact.
 * Bounds are lower bounds only (a loaded machine delivers late, never early); the 10% slack on
 * medians of gaps allows for a late previous chunk, which shortens the gap after it.
 */
class StreamTimingTest {
  private static ServeBench bench(ScriptedSseServer server) {
    return ServeBench.at(server.url()).requests(6).promptTokens(16).maxTokens(10).warmup(1);
  }

  @Test
  void ttftItlAndTpotFollowTheScriptAndTokensComeFromUsage() throws Exception {
    try (ScriptedSseServer server =
        new ScriptedSseServer(n -> Script.steady(120, 15, 10).withFirstChunk(40))) {
      ServeRuns r = ServeRuns.of(bench(server).concurrency(2));

      LevelSummary s = r.run.summaries().get(0);
      assertThat(s.completed()).isEqualTo(6);
      assertThat(s.outputTokens()).isEqualTo(60);
      assertThat(s.promptTokens()).isEqualTo(6 * 16);
      assertThat(s.itl().count()).isEqualTo(6 * 9);
      // no lower bound on a single gap: a client descheduled on a loaded machine reads two
      // chunks at once (a gap near 0); only what the server's sleeps guarantee is asserted
      assertThat(s.ttft().min()).isGreaterThanOrEqualTo(120);
      assertThat(s.ttftChunk().min()).isGreaterThanOrEqualTo(40);
      assertThat(s.e2e().min()).isGreaterThanOrEqualTo(120 + 9 * 15);
      for (JsonNode q : r.requests()) {
        List<Double> itl = r.doubles(q.path("itl_ms"));
        double e2e = q.path("e2e_ms").asDouble();
        double ttft = q.path("ttft_ms").asDouble();
        assertThat(q.path("ttft_chunk_ms").asDouble()).isLessThan(ttft);
        assertThat(q.path("output_tokens").asInt()).isEqualTo(10);
        assertThat(q.path("output_tokens_source").asText()).isEqualTo("usage");
        assertThat(q.path("prompt_tokens_sent").asInt()).isEqualTo(16);
        // the client's own time before the request went out is kept apart, never negative
        assertThat(q.path("client_queue_ms").isNumber()).isTrue();
        assertThat(q.path("client_queue_ms").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(itl).hasSize(9);
        // identities, not timings: the gaps span first to last content chunk, which the final
        // chunk (finish_reason, usage) can only follow; TPOT is vLLM's formula
        double gaps = itl.stream().mapToDouble(Double::doubleValue).sum();
        assertThat(gaps).isLessThanOrEqualTo(e2e - ttft + 0.01);
        assertThat(q.path("tpot_ms").asDouble()).isCloseTo((e2e - ttft) / 9, within(0.002));
        assertThat(q.path("server_timings").path("predicted_n").asInt()).isEqualTo(10);
      }
      assertThat(r.kind("warmup")).hasSize(1);
    }
  }

  @Test
  void unevenGapsShowInTheUpperPercentilesNotOnlyTheMean() throws Exception {
    try (ScriptedSseServer server =
        new ScriptedSseServer(n -> Script.steady(20, 5, 11).withGaps(5L, 60L))) {
      LevelSummary s =
          ServeRuns.of(bench(server).requests(2).concurrency(2)).run.summaries().get(0);

      assertThat(s.itl().count()).isEqualTo(20);
      // the server sleeps 20 ms, then 5 and 60 ms by turns between its 11 tokens: each request
      // lasts at least that long; the percentiles order as they must
      assertThat(s.e2e().min()).isGreaterThanOrEqualTo(20 + 5 * 5 + 5 * 60);
      assertThat(s.itl().p90()).isGreaterThanOrEqualTo(s.itl().p50());
      assertThat(s.itl().max()).isGreaterThanOrEqualTo(s.itl().p90());
    }
  }

  @Test
  void chunksOfSeveralTokensCountTheServersTokensInTpot() throws Exception {
    try (ScriptedSseServer server =
        new ScriptedSseServer(n -> Script.steady(30, 20, -1).withTokensPerChunk(2))) {
      ServeRuns r = ServeRuns.of(bench(server).requests(2).maxTokens(8).concurrency(1));

      for (JsonNode q : r.requests()) {
        assertThat(q.path("chunks").asInt()).isEqualTo(4);
        assertThat(q.path("output_tokens").asInt()).isEqualTo(8);
        assertThat(r.doubles(q.path("itl_ms"))).hasSize(3);
        double span = q.path("e2e_ms").asDouble() - q.path("ttft_ms").asDouble();
        assertThat(q.path("tpot_ms").asDouble()).isCloseTo(span / 7, within(0.002));
      }
    }
  }

  @Test
  void withoutUsageTheTokensAreCountedFromChunksAndTheLinesSaySo() throws Exception {
    try (ScriptedSseServer server =
        new ScriptedSseServer(n -> Script.steady(10, 5, 6).withoutUsage())) {
      ServeRuns r = ServeRuns.of(bench(server).requests(3).concurrency(1));

      assertThat(r.requests())
          .allSatisfy(q -> assertThat(q.path("output_tokens_source").asText()).isEqualTo("chunks"));
      assertThat(r.run.summaries().get(0).usageMissing()).isEqualTo(3);
      assertThat(r.run.summaries().get(0).outputTokens()).isEqualTo(18);
      assertThat(r.kind("summary").get(0).path("short_outputs").asInt()).isEqualTo(3);
    }
  }

  @Test
  void chatTtftIsTimedToTheFirstContentNotTheRoleOnlyChunk() throws Exception {
    try (ScriptedSseServer server =
        new ScriptedSseServer(n -> Script.steady(150, 10, 5).withFirstChunk(30))) {
      ServeRuns r = ServeRuns.of(bench(server).requests(2).chat(true).concurrency(1));

      assertThat(r.kind("run").get(0).path("endpoint").asText()).isEqualTo("/v1/chat/completions");
      assertThat(server.bodies().get(0)).contains("\"messages\"").doesNotContain("\"prompt\"");
      LevelSummary s = r.run.summaries().get(0);
      assertThat(s.ttft().min()).isGreaterThanOrEqualTo(150);
      assertThat(s.ttftChunk().min()).isGreaterThanOrEqualTo(30);
      for (JsonNode q : r.requests())
        assertThat(q.path("ttft_chunk_ms").asDouble()).isLessThan(q.path("ttft_ms").asDouble());
    }
  }
}
