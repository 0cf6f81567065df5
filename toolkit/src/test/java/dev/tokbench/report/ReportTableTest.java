package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class ReportTableTest {
  private final ReportTable t =
      new ReportTable(
          "t",
          "Title <x>",
          List.of("Name", "tok/s"),
          List.of(
              List.of(Entry.text("a & b"), Entry.number("1.50", 1.5).inBold()),
              List.of(Entry.text("c"), new Entry("2.25", " tok/s", true, 2.25))),
          "*note");

  @Test
  void markdownPadsEachColumnToItsWidestCellAndBoldsLikeTheReport() {
    assertThat(t.markdown())
        .isEqualTo(
            "| Name  | tok/s          |\n"
                + "|-------|----------------|\n"
                + "| a & b | **1.50**       |\n"
                + "| c     | **2.25** tok/s |\n"
                + "\n*note\n");
  }

  @Test
  void htmlEscapesAndBolds() {
    assertThat(t.html())
        .contains("<caption>Title &lt;x&gt;</caption>")
        .contains("<td>a &amp; b</td><td><b>1.50</b></td>")
        .contains("<td><b>2.25</b> tok/s</td>");
  }

  @Test
  void csvIsPlainText() {
    assertThat(t.csv()).isEqualTo("Name,tok/s\na & b,1.50\nc,2.25 tok/s\n");
  }

  @Test
  void tablesawColumnsAreNumericWhereEveryCellIsANumber() {
    Table tt = t.table();
    assertThat(tt.column("Name").type()).isEqualTo(ColumnType.STRING);
    assertThat(tt.column("tok/s").type()).isEqualTo(ColumnType.DOUBLE);
    assertThat(tt.doubleColumn("tok/s").get(1)).isEqualTo(2.25);
  }

  @Test
  void unknownTableNameListsTheOnesThatExist() {
    assertThatThrownBy(() -> Report.from(TestData.orin()).table("vllm"))
        .isInstanceOf(UnknownNameException.class)
        .hasMessageContaining("'vllm'")
        .hasMessageContaining("llama.cpp");
  }

  @Test
  void rowsMustBeAsWideAsTheHeaders() {
    assertThatThrownBy(
            () ->
                new ReportTable("x", "", List.of("a", "b"), List.of(List.of(Entry.text("1"))), ""))
        .hasMessageContaining("1 cells for 2 headers");
  }

  @Test
  void anyTablesawTableRendersToo() {
    Table results = Report.from(TestData.h100()).resultsTable();
    ReportTable r =
        ReportTable.of(
            results.selectColumns("model", "quant", "test", "tokens_per_s_mean").first(2));
    assertThat(r.markdown()).startsWith("| model        | quant | test  | tokens_per_s_mean |");
    assertThat(r.csv()).contains("llama-3.2-1b,Q6_K,pp512,");
    assertThat(r.table().column("tokens_per_s_mean").type()).isEqualTo(ColumnType.DOUBLE);
  }

  @Test
  void chartsAreLabelledWithTheirUnits() {
    Report orin = Report.from(TestData.orin());
    assertThat(orin.chart("decode-1b-q6k").figure().svg()).contains(">decode (tok/s)</text>");
    assertThat(
            orin.decodeCeilingChart(Report.from(TestData.h100())).series().stream()
                .map(dev.tokbench.report.chart.XyChart.Series::name))
        .contains(
            "Jetson AGX Orin 64GB: theoretical 205.0 GB/s ceiling",
            "NVIDIA H100 SXM5 80GB: theoretical 3350.0 GB/s ceiling",
            "NVIDIA H100 SXM5 80GB: practical 3028.3 GB/s ceiling",
            "Jetson AGX Orin 64GB · tinygrad NV=1",
            "NVIDIA H100 SXM5 80GB · tinygrad DEV=CUDA");
  }
}
