package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.TidyCsv;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every number of every regenerated table equals the figure transcribed in the data folder, as
 * transcribed text (so at the published precision, trailing zeros included).
 */
class PublishedFiguresTest {
  private final Report report = Report.from(TestData.orin());

  private static List<TidyCsv.Row> rows(String file) {
    return TidyCsv.read(TestData.orin().resolve(file), List.of()).rows();
  }

  @Test
  void llamaCppTableShowsEveryTranscribedMeanAndStddev() {
    ReportTable t = report.table("llama.cpp");
    List<String> cells = flatten(t);
    for (TidyCsv.Row r : rows("llama-cpp.csv")) {
      String figure = r.text("tokens_per_s_mean") + " ± " + r.text("tokens_per_s_stddev");
      String shown = r.text("test").startsWith("tg") ? "**" + figure + "**" : figure;
      assertThat(cells).as("line %d", r.line()).contains(shown);
    }
    assertThat(t.rows()).hasSize(8);
    assertThat(t.headers())
        .containsExactly("Model", "Quant", "FA", "pp512 (tok/s)", "tg128 (tok/s)");
  }

  @Test
  void tinygradTablesShowEveryTranscribedFigure() {
    for (TidyCsv.Row r : rows("tinygrad.csv")) {
      String label = r.text("model").contains("3B") ? "3B " : "1B ";
      ReportTable t = report.table("tinygrad " + label + r.text("quant"));
      List<String> row =
          t.markdownCells().stream()
              .filter(c -> c.get(0).equals(r.text("env")))
              .findFirst()
              .orElseThrow();
      assertThat(row.get(1)).isEqualTo(r.text("tokens_per_s"));
      assertThat(row.get(2)).isEqualTo(r.text("ms_per_token"));
      assertThat(row.get(3)).isEqualTo(withUnit(r.text("memory_bandwidth_gb_per_s")));
      assertThat(row.get(4)).isEqualTo(withUnit(r.text("param_bandwidth_gb_per_s")));
    }
  }

  @Test
  void summaryShowsDecodeOfBothQ6ModelsAndTheFrameworksThatFailed() {
    ReportTable t = report.table("summary");
    assertThat(t.markdownCells())
        .containsExactly(
            List.of("llama.cpp", "**25.59** tok/s", "**11.09** tok/s"),
            List.of("llama.cpp +FA", "**27.80** tok/s", "**11.98** tok/s"),
            List.of("tinygrad NV=1", "7.59 tok/s", "2.95 tok/s"),
            List.of("tinygrad CUDA", "7.44 tok/s", "2.93 tok/s"),
            List.of("vLLM", "— (install failed)", "— (install failed)"),
            List.of("MLC LLM", "— (install failed)", "— (install failed)"));
  }

  @Test
  void inventoryShowsEveryTranscribedSize() {
    List<String> cells = flatten(report.table("models"));
    for (TidyCsv.Row r : rows("models.csv")) {
      assertThat(cells).contains(r.text("size_gb") + " GB", "`" + r.text("file") + "`");
    }
  }

  @Test
  void bandwidthTableComputesFromTheTranscribedInputs() {
    List<List<String>> cells = report.table("bandwidth").markdownCells();
    assertThat(cells)
        .contains(
            List.of("tinygrad NV=1", "1B Q6_K", "67.3 GB/s", "32.8%"),
            List.of("llama.cpp", "1B Q6_K", "~26.6 GB/s*", "13.0%"),
            List.of("llama.cpp +FA", "1B Q6_K", "~28.9 GB/s*", "14.1%"),
            // the report prints 31.9%; 65.5 ÷ 205 = 31.95% is 32.0% at one decimal
            List.of("tinygrad NV=1", "3B Q6_K", "65.5 GB/s", "32.0%"));
    assertThat(report.table("bandwidth").footnote()).contains("model_size × tok/s");
  }

  private static String withUnit(String gbPerS) {
    return gbPerS.isEmpty() ? "—" : gbPerS + " GB/s";
  }

  private static List<String> flatten(ReportTable t) {
    List<String> out = new ArrayList<>();
    t.markdownCells().forEach(out::addAll);
    return out;
  }
}
