package dev.tokbench.formats.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.BadLineException;
import dev.tokbench.formats.Import;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import dev.tokbench.results.ServeMetrics;
import dev.tokbench.results.Status;
import dev.tokbench.serve.Distribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve-bench's JSONL as rows of the test kind serve: the real H200 run (six levels), a run whose
 * server never started, and broken files.
 */
class ServeOutputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  static Path h200() throws Exception {
    return Path.of(ServeOutputTest.class.getResource("/serve/h200-serve.jsonl").toURI());
  }

  private static List<JsonNode> summaries(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode o = JSON.readTree(line);
      if (o.path("kind").asText().equals("summary")) out.add(o);
    }
    return out;
  }

  @Test
  void theH200RunIsRecognisedAndEachLevelIsARowWithItsSummaryFigures() throws Exception {
    assertThat(Import.detect(h200())).isEqualTo("serve");
    List<BenchResult> rows = Import.read(h200());
    List<JsonNode> summaries = summaries(h200());

    assertThat(rows)
        .extracting(BenchResult::test)
        .containsExactly("serve c1", "serve c4", "serve c16", "serve c32", "serve r1", "serve r4");
    for (int i = 0; i < rows.size(); i++) {
      BenchResult r = rows.get(i);
      JsonNode s = summaries.get(i);
      assertThat(r.toString()).startsWith("llama.cpp/CUDA llama-3.1-8b Q4_K_M serve ");
      assertThat(r.device()).isEqualTo("NVIDIA H200");
      assertThat(r.nPrompt()).isEqualTo(512);
      assertThat(r.nGen()).isEqualTo(128);
      assertThat(r.modelBytes()).isEqualTo(4_912_898_048L);
      assertThat(r.status()).isEqualTo(Status.OK);
      assertThat(r.tokensPerSMean()).isEqualTo(s.get("output_tok_per_s").asDouble());
      assertThat(r.flags()).containsEntry("load", s.get("level").asText());
      assertThat(r.flags()).containsEntry("slo", "ttft=200ms,tpot=50ms");
      assertThat(r.provenance()).containsEntry("gpu_driver", "580.159.04");
      assertThat(r.provenance().get("server_command")).contains("--parallel 32");
      assertThat(r.extra())
          .containsEntry(
              "server_metrics.counters_delta.llamacpp:tokens_predicted_total",
              s.at("/server_metrics/counters_delta/llamacpp:tokens_predicted_total").toString());

      ServeMetrics m = ServeMetrics.of(r).orElseThrow();
      assertThat(m.load()).isEqualTo(s.get("level").asText());
      assertThat(m.requests()).isEqualTo(64);
      assertThat(m.completed()).isEqualTo(64);
      assertThat(m.errors()).isZero();
      assertThat(m.reqPerS()).isEqualTo(s.get("req_per_s").asDouble());
      assertThat(m.goodputReqPerS()).isEqualTo(s.get("goodput_req_per_s").asDouble());
      for (String metric : ServeMetrics.LATENCIES) {
        for (String stat : List.of("mean", "p50", "p90", "p99")) {
          String key = metric + "_" + stat + "_ms";
          assertThat(m.ms(metric, stat)).as(key).isEqualTo(s.get(key).asDouble());
        }
      }
      // the TTFT distribution is the level's request lines: its median is the summary's p50
      assertThat(m.ttftEach()).hasSize(64);
      assertThat(Distribution.of(m.ttftEach()).p50())
          .isCloseTo(s.get("ttft_p50_ms").asDouble(), within(0.0011));
    }
    assertThat(ServeMetrics.of(rows.get(0)).orElseThrow().concurrency()).isEqualTo(1);
    assertThat(ServeMetrics.of(rows.get(5)).orElseThrow().rate()).isEqualTo(4.0);
  }

  @Test
  void rowsKeepTheirServingFiguresThroughResultsCsvAndJsonl() throws Exception {
    List<BenchResult> rows = Import.read(h200());
    for (String name : List.of("results.csv", "results.jsonl")) {
      Path file = dir.resolve(name);
      ResultsFile.append(file, rows);
      List<BenchResult> back = ResultsFile.read(file);
      assertThat(back).hasSameSizeAs(rows);
      for (int i = 0; i < rows.size(); i++) {
        ServeMetrics was = ServeMetrics.of(rows.get(i)).orElseThrow();
        ServeMetrics is = ServeMetrics.of(back.get(i)).orElseThrow();
        assertThat(is.ttftEach()).as(name).isEqualTo(was.ttftEach());
        assertThat(is.ms("itl", "p99")).as(name).isEqualTo(was.ms("itl", "p99"));
        assertThat(back.get(i).extra()).as(name).isEqualTo(rows.get(i).extra());
        assertThat(back.get(i).test()).isEqualTo(rows.get(i).test());
      }
    }
  }

  @Test
  void aLevelWhereNothingSucceededIsAFailedRowWithTheCommonestReason() throws Exception {
    Path f = dir.resolve("failed.jsonl");
    Files.writeString(
        f,
        """
        {"kind":"run","url":"http://127.0.0.1:9","server":"vllm","model":"m","levels":["rate inf"],"prompt_tokens":8,"max_tokens":4,"machine":{"cpu":"Some CPU"}}
        {"kind":"request","level":"rate inf","ok":false,"error":"HTTP 500","ttft_ms":null}
        {"kind":"summary","level":"rate inf","rate":"inf","requests":3,"completed":0,"errors":3,"output_tok_per_s":0.0,"ttft_p50_ms":null,"error_reasons":{"HTTP 500":2,"connection refused: x":1}}
        """);
    List<BenchResult> rows = Import.read(f);
    assertThat(rows).hasSize(1);
    BenchResult r = rows.get(0);
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.reason()).isEqualTo("HTTP 500 (2 of 3 requests)");
    assertThat(r.test()).isEqualTo("serve rinf");
    assertThat(r.framework()).isEqualTo("vllm");
    assertThat(r.device()).isEqualTo("Some CPU");
    ServeMetrics m = ServeMetrics.of(r).orElseThrow();
    assertThat(m.rate()).isInfinite();
    assertThat(m.errors()).isEqualTo(3);
    assertThat(m.ms("ttft", "p50")).isNaN();
    assertThat(m.ttftEach()).isEmpty();
  }

  @Test
  void aBrokenLineOrASummaryWithoutItsRunIsAnErrorAtItsLine() throws Exception {
    List<String> lines = Files.readAllLines(h200()).subList(0, 3);
    Path cut = dir.resolve("cut.jsonl");
    Files.writeString(cut, String.join("\n", lines) + "\n{\"kind\":\"summary\",\"level\":\n");
    assertThatThrownBy(() -> Import.read(cut))
        .isInstanceOf(BadLineException.class)
        .satisfies(e -> assertThat(((BadLineException) e).line()).isEqualTo(4))
        .hasMessageContaining("malformed JSON");

    Path orphan = dir.resolve("orphan.jsonl");
    Files.writeString(
        orphan, "{\"kind\":\"run\",\"levels\":[],\"server\":\"vllm\"}\n\n{\"kind\":\"mystery\"}\n");
    assertThatThrownBy(() -> Import.read(orphan))
        .isInstanceOf(BadLineException.class)
        .satisfies(e -> assertThat(((BadLineException) e).line()).isEqualTo(3))
        .hasMessageContaining("unknown kind 'mystery'");

    List<JsonNode> noRun = List.of(JSON.readTree("{\"kind\":\"summary\",\"level\":\"x\"}"));
    assertThatThrownBy(() -> ServeOutput.rows(noRun, "mem"))
        .isInstanceOf(BadLineException.class)
        .hasMessageContaining("a summary line before any run line");
  }
}
