package dev.tokbench.serve.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  private static String fixture() throws Exception {
    // a real llama-server's /metrics after a load test (8B Q4_K_M on an H200, --parallel 32)
    try (var in = PrometheusTextTest.class.getResourceAsStream("/serve/server-metrics.txt")) {
      return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aRealLlamaServerScrapeParsesWithItsTypes() throws Exception {
    MetricsSnapshot m = PrometheusText.parse(fixture(), "server-metrics.txt");

    assertThat(m.values()).hasSize(11);
    assertThat(m.value("llamacpp:prompt_tokens_total")).isEqualTo(65536);
    assertThat(m.value("llamacpp:tokens_predicted_seconds_total")).isEqualTo(222.871);
    assertThat(m.value("llamacpp:n_busy_slots_per_decode")).isEqualTo(3.08707);
    assertThat(m.typeOf("llamacpp:tokens_predicted_total")).isEqualTo("counter");
    assertThat(m.typeOf("llamacpp:requests_processing")).isEqualTo("gauge");
  }

  @Test
  void deltasCountCountersOverTheLevelAndKeepGaugesAtTheEnd() throws Exception {
    MetricsSnapshot before = PrometheusText.parse(fixture(), "before");
    MetricsSnapshot after =
        PrometheusText.parse(
            fixture()
                .replace("llamacpp:prompt_tokens_total 65536", "llamacpp:prompt_tokens_total 81920")
                .replace("llamacpp:requests_processing 0", "llamacpp:requests_processing 3"),
            "after");

    MetricsDelta d = MetricsDelta.between(before, after);

    assertThat(d.counters()).containsEntry("llamacpp:prompt_tokens_total", 16384.0);
    assertThat(d.counters()).containsEntry("llamacpp:n_decode_total", 0.0);
    assertThat(d.gauges()).containsEntry("llamacpp:requests_processing", 3.0);
    assertThat(d.counters()).hasSize(6);
    assertThat(d.gauges()).hasSize(5);
  }

  @Test
  void labelsHistogramsAndSpecialValuesAsVllmWritesThem() {
    String text =
        "# HELP vllm:e2e_request_latency_seconds Histogram of e2e request latency in seconds.\n"
            + "# TYPE vllm:e2e_request_latency_seconds histogram\n"
            + "vllm:e2e_request_latency_seconds_bucket{le=\"0.3\",model_name=\"m{1}\"} 2.0\n"
            + "vllm:e2e_request_latency_seconds_bucket{le=\"+Inf\",model_name=\"m{1}\"} 5.0\n"
            + "vllm:e2e_request_latency_seconds_sum{model_name=\"m{1}\"} 3.5\n"
            + "vllm:e2e_request_latency_seconds_count{model_name=\"m{1}\"} 5.0 1700000000000\n"
            + "# TYPE vllm:gpu_cache_usage_perc gauge\n"
            + "vllm:gpu_cache_usage_perc{engine=\"0\",path=\"a\\\"b\"} NaN\n";
    MetricsSnapshot before = PrometheusText.parse(text, "t");
    MetricsSnapshot after =
        PrometheusText.parse(
            text.replace("_count{model_name=\"m{1}\"} 5.0", "_count{model_name=\"m{1}\"} 9.0"),
            "t");

    assertThat(
            before.value(
                "vllm:e2e_request_latency_seconds_bucket{le=\"+Inf\",model_name=\"m{1}\"}"))
        .isEqualTo(5.0);
    MetricsDelta d = MetricsDelta.between(before, after);
    assertThat(d.counters())
        .containsOnlyKeys(
            "vllm:e2e_request_latency_seconds_sum{model_name=\"m{1}\"}",
            "vllm:e2e_request_latency_seconds_count{model_name=\"m{1}\"}")
        .containsEntry("vllm:e2e_request_latency_seconds_count{model_name=\"m{1}\"}", 4.0);
    assertThat(d.gauges().values()).singleElement().satisfies(v -> assertThat(v).isNaN());
  }

  @Test
  void aBrokenLineIsReportedWithItsNumber() {
    assertThatThrownBy(
            () -> PrometheusText.parse("# TYPE a counter\na 1\nb{x=\"1\" 2\n", "http://h/metrics"))
        .isInstanceOf(PrometheusFormatException.class)
        .hasMessageContaining("http://h/metrics line 3: the label set is not closed");
    assertThatThrownBy(() -> PrometheusText.parse("a one\n", "m"))
        .hasMessageContaining("m line 1: the value is not a number: 'a one'");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE a countr\n", "m"))
        .hasMessageContaining("m line 1: a TYPE line");
  }
}
