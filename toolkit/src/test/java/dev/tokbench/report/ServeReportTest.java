package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.report.chart.XyChart;
import dev.tokbench.results.ServeMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serving part of the report: the H200 serve-bench run of data/h200-serve-2026-12-01 as a
 * serving table and its three charts, and serve rows beside llama-bench rows in one folder.
 */
class ServeReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static Path folder() {
    return TestData.root().resolve("h200-serve-2026-12-01");
  }

  private static List<JsonNode> summaries(Path jsonl) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl)) {
      JsonNode o = JSON.readTree(line);
      if (o.path("kind").asText().equals("summary")) out.add(o);
    }
    return out;
  }

  @Test
  void theServingTableHasALevelPerRowWithTheSummaryFigures() throws Exception {
    Report report = Report.from(folder());
    ReportTable t = report.table("serving");
    List<JsonNode> summaries = summaries(folder().resolve("runs/serve.jsonl"));

    assertThat(t.title())
        .isEqualTo(
            "Serving: llama.cpp (CUDA) · 8B Q4_K_M · NVIDIA H200 · 512 prompt + 128 output tokens per"
                + " request");
    assertThat(t.rows()).hasSize(summaries.size());
    for (int i = 0; i < summaries.size(); i++) {
      JsonNode s = summaries.get(i);
      List<String> cells = t.markdownCells().get(i);
      assertThat(cells.get(0)).isEqualTo(s.get("level").asText());
      assertThat(cells.get(1)).isEqualTo("64 / 64");
      assertThat(t.entry(i, 2).number()).isEqualTo(s.get("output_tok_per_s").asDouble());
      assertThat(t.entry(i, 4).number()).isEqualTo(s.get("ttft_p50_ms").asDouble());
      assertThat(cells.get(4))
          .isEqualTo(
              Labels.fixed(s.get("ttft_p50_ms").asDouble(), 1)
                  + " / "
                  + Labels.fixed(s.get("ttft_p99_ms").asDouble(), 1));
      assertThat(t.entry(i, 8).number()).isEqualTo(s.get("goodput_req_per_s").asDouble());
    }
    assertThat(t.footnote()).contains("Goodput: requests per second within ttft=200ms,tpot=50ms");
    assertThat(report.placements()).allSatisfy(p -> assertThat(p.table()).isEqualTo("serving"));
    assertThat(report.tableNames()).doesNotContain("llama.cpp", "not-shown", "repeats");
  }

  @Test
  void theChartsShowThroughputAndLatencyAgainstConcurrencyAndEveryRequestsTtft() throws Exception {
    Report report = Report.from(folder());
    assertThat(report.charts())
        .extracting(ReportChart::id)
        .containsExactly("serve-throughput", "serve-latency", "serve-ttft");
    XyChart throughput = (XyChart) report.chart("serve-throughput").figure();
    List<JsonNode> closed =
        summaries(folder().resolve("runs/serve.jsonl")).stream()
            .filter(s -> s.has("concurrency"))
            .toList();
    assertThat(throughput.series().get(0).points())
        .extracting(XyChart.Point::x, XyChart.Point::y)
        .containsExactlyElementsOf(
            closed.stream()
                .map(
                    s ->
                        org.assertj.core.groups.Tuple.tuple(
                            s.get("concurrency").asDouble(), s.get("output_tok_per_s").asDouble()))
                .toList());
    XyChart latency = (XyChart) report.chart("serve-latency").figure();
    assertThat(latency.series())
        .extracting(XyChart.Series::name)
        .containsExactly("TTFT p50", "TTFT p99", "TPOT p50", "ITL p50", "ITL p99");
    XyChart ttft = (XyChart) report.chart("serve-ttft").figure();
    assertThat(ttft.series()).hasSize(6);
    for (XyChart.Series s : ttft.series()) {
      assertThat(s.points()).hasSize(2 * 64); // a step per request
      assertThat(s.points().get(s.points().size() - 1).y()).isEqualTo(100.0);
    }

    String md = report.markdown();
    assertThat(md)
        .contains("## 1. Serving Benchmarks", "![TTFT distribution](charts/serve-ttft.svg)");
    List<Path> written = report.writeTo(dir.resolve("out"), true, false);
    byte[] png = Files.readAllBytes(dir.resolve("out/charts/serve-ttft.png"));
    assertThat(Arrays.copyOf(png, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    assertThat(written).contains(dir.resolve("out/index.html"));
    assertThat(Files.readString(dir.resolve("out/index.html"))).contains("Serving Benchmarks");
  }

  @Test
  void serveRowsBesideLlamaBenchRowsStayOutOfTheLlamaCppTableAndEveryRowIsShownOnce()
      throws Exception {
    Path failed = dir.resolve("failed.jsonl");
    Files.writeString(
        failed,
        "{\"kind\":\"run\",\"server\":\"llama-server\",\"model\":\"/m/tiny-Q8_0.gguf\","
            + "\"levels\":[\"concurrency 2\"],\"prompt_tokens\":8,\"max_tokens\":4,"
            + "\"server_info\":{\"ftype\":\"Q8_0\"},\"machine\":{\"cpu\":\"CPU\"}}\n"
            + "{\"kind\":\"summary\",\"level\":\"concurrency 2\",\"concurrency\":2,\"requests\":4,"
            + "\"completed\":0,\"errors\":4,\"output_tok_per_s\":0,\"error_reasons\":{\"HTTP 500\":4}}\n");
    Path serve = folder().resolve("runs/serve.jsonl");
    Path d =
        Folders.of(
            dir.resolve("mixed"),
            Folders.H100,
            Folders.fixture("llama-bench/cpu-tiny.json"),
            serve,
            failed);
    Report report = Report.from(d);

    assertThat(report.table("llama.cpp").headers()).noneMatch(h -> h.contains("serve"));
    assertThat(report.tableNames()).contains("serving", "serving 2");
    ReportTable tiny = report.table("serving"); // runs/failed.jsonl sorts before runs/serve.jsonl
    assertThat(tiny.title()).contains("llama.cpp (CPU) · tiny Q8_0 · CPU");
    assertThat(report.table("serving 2").rows()).hasSize(6);
    assertThat(tiny.markdownCells().get(0).subList(0, 3))
        .containsExactly("concurrency 2", "0 / 4 — failed", "0.0");
    List<Placement> placements = report.placements();
    assertThat(placements).allSatisfy(p -> assertThat(p.shown()).as(p.toString()).isTrue());
    assertThat(placements.stream().filter(p -> ServeMetrics.isServe(p.row())))
        .hasSize(7)
        .allSatisfy(p -> assertThat(p.table()).startsWith("serving"));
  }
}
