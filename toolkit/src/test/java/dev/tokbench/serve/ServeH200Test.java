package dev.tokbench.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The serving run on the H200 (2026-12-01, {@code scripts/gpu/serve-h200.sh}: llama-server built
 * from source, 8B Q4_K_M, {@code --parallel 32}, 64 requests of 512 prompt and 128 output tokens
 * per level): every summary line equals what its level's request lines imply, recomputed here with
 * the same statistics ({@link Distribution}: numpy's mean, population std and linear percentiles).
 * The request lines carry latencies rounded to a microsecond, the summaries were made from
 * nanoseconds, so figures agree within {@link #ROUNDING}.
 */
class ServeH200Test {
  /** Half a microsecond in a request line plus half in the summary, and a little. */
  private static final double ROUNDING = 0.0011;

  private static final List<JsonNode> LINES = read("h200-serve.jsonl");

  @Test
  void theRunHasSixLevelsOfSixtyFourRequestsAllAnswered() {
    JsonNode run = kind("run").get(0);
    assertThat(run.get("server").asText()).isEqualTo("llama-server");
    assertThat(run.get("machine").get("gpu").asText()).isEqualTo("NVIDIA H200");
    assertThat(kind("summary"))
        .extracting(s -> s.get("level").asText())
        .containsExactly(
            "concurrency 1",
            "concurrency 4",
            "concurrency 16",
            "concurrency 32",
            "rate 1/s",
            "rate 4/s");
    assertThat(kind("request")).hasSize(6 * 64);
    assertThat(kind("warmup")).hasSize(4);
    assertThat(kind("request")).allSatisfy(r -> assertThat(r.get("ok").asBoolean()).isTrue());
  }

  @Test
  void everySummaryEqualsWhatItsRequestLinesImply() {
    JsonNode slo = kind("run").get(0).get("slo");
    for (JsonNode s : kind("summary")) {
      String level = s.get("level").asText();
      List<JsonNode> rq = kind("request").stream().filter(r -> level(r).equals(level)).toList();
      assertThat(rq).as(level).hasSize(s.get("requests").asInt());
      assertThat(s.get("errors").asInt()).isEqualTo(rq.stream().filter(r -> !ok(r)).count());
      long out = rq.stream().mapToLong(r -> r.get("output_tokens").asLong()).sum();
      assertThat(s.get("output_tokens").asLong()).as(level).isEqualTo(out);
      assertThat(s.get("prompt_tokens").asLong())
          .isEqualTo(rq.stream().mapToLong(r -> r.get("prompt_tokens").asLong()).sum());
      // the level lasts from its start to the end of its last stream
      double end =
          rq.stream().mapToDouble(r -> ms(r, "start_ms") + ms(r, "stream_ms")).max().orElseThrow();
      double duration = s.get("duration_s").asDouble();
      assertThat(duration).as(level).isCloseTo(end / 1000, within(2e-4));
      assertRate(s, "output_tok_per_s", out / duration);
      assertRate(s, "req_per_s", rq.size() / duration);
      checkDistribution(s, "ttft", Distribution.of(each(rq, r -> ms(r, "ttft_ms"))));
      checkDistribution(s, "tpot", Distribution.of(each(rq, ServeH200Test::tpot)));
      checkDistribution(s, "itl", Distribution.of(gaps(rq)));
      checkDistribution(s, "e2e", Distribution.of(each(rq, r -> ms(r, "e2e_ms"))));
      long good =
          rq.stream()
              .filter(r -> ok(r) && ms(r, "ttft_ms") <= ms(slo, "ttft_ms"))
              .filter(r -> tpot(r) <= ms(slo, "tpot_ms"))
              .count();
      assertThat(s.get("good_requests").asLong()).as(level).isEqualTo(good);
      assertRate(s, "goodput_req_per_s", good / duration);
    }
  }

  @Test
  void theFirstContentTokenIsTheFirstChunkForLlamaServerAndEveryTokenIsAChunk() {
    for (JsonNode r : kind("request")) {
      assertThat(ms(r, "ttft_ms")).isEqualTo(ms(r, "ttft_chunk_ms"));
      assertThat(r.get("itl_ms")).hasSize(r.get("output_tokens").asInt() - 1);
      assertThat(r.get("finish_reason").asText()).isEqualTo("length");
    }
  }

  /**
   * A rate as the summary prints it (four decimals) against one recomputed with its duration_s
   * (printed to 0.1 ms, so 0.001 % off at most for these levels).
   */
  private static void assertRate(JsonNode s, String key, double expected) {
    assertThat(s.get(key).asDouble())
        .as(level(s) + " " + key)
        .isCloseTo(expected, within(5e-5 + 1e-5 * expected));
  }

  private static void checkDistribution(JsonNode s, String name, Distribution d) {
    String level = level(s) + " " + name;
    assertThat(ms(s, name + "_mean_ms")).as(level).isCloseTo(d.mean(), within(ROUNDING));
    assertThat(ms(s, name + "_p50_ms")).as(level).isCloseTo(d.p50(), within(ROUNDING));
    assertThat(ms(s, name + "_p90_ms")).as(level).isCloseTo(d.p90(), within(ROUNDING));
    assertThat(ms(s, name + "_p99_ms")).as(level).isCloseTo(d.p99(), within(ROUNDING));
    assertThat(ms(s, name + "_max_ms")).as(level).isCloseTo(d.max(), within(ROUNDING));
    assertThat(ms(s, name + "_std_ms")).as(level).isCloseTo(d.std(), within(ROUNDING));
  }

  /** vLLM's TPOT from the line's own figures: (e2e - ttft) / (output tokens - 1). */
  private static double tpot(JsonNode r) {
    double byDefinition =
        (ms(r, "e2e_ms") - ms(r, "ttft_ms")) / (r.get("output_tokens").asInt() - 1);
    assertThat(ms(r, "tpot_ms")).isCloseTo(byDefinition, within(ROUNDING));
    return ms(r, "tpot_ms");
  }

  private static List<Double> gaps(List<JsonNode> rq) {
    List<Double> all = new ArrayList<>();
    rq.forEach(r -> r.get("itl_ms").forEach(g -> all.add(g.asDouble())));
    return all;
  }

  private static List<Double> each(List<JsonNode> rq, Function<JsonNode, Double> f) {
    return rq.stream().filter(ServeH200Test::ok).map(f).toList();
  }

  private static boolean ok(JsonNode r) {
    return r.get("ok").asBoolean();
  }

  private static String level(JsonNode n) {
    return n.get("level").asText();
  }

  private static double ms(JsonNode n, String key) {
    return n.get(key).asDouble();
  }

  private static List<JsonNode> kind(String kind) {
    return LINES.stream().filter(l -> l.get("kind").asText().equals(kind)).toList();
  }

  private static List<JsonNode> read(String name) {
    try {
      Path p = Path.of(ServeH200Test.class.getResource("/serve/" + name).toURI());
      ObjectMapper json = new ObjectMapper();
      List<JsonNode> out = new ArrayList<>();
      for (String line : Files.readAllLines(p)) if (!line.isBlank()) out.add(json.readTree(line));
      return out;
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
