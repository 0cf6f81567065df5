package dev.tokbench.report;

import dev.tokbench.TidyCsv;
import dev.tokbench.bandwidth.ByteUnit;
import dev.tokbench.bandwidth.Bytes;
import java.util.List;

/**
 * One model of a data folder's {@code models.csv}: how results name it ({@code model}, {@code
 * quant}) and how the report shows it.
 *
 * @param model the model as result rows name it
 * @param quant the quantization as result rows name it
 * @param displayName the name in the report's tables, e.g. {@code LLaMA 3.2 1B Instruct}
 * @param file the GGUF file name
 * @param size the size the report states, or null when not stated (then results' model bytes)
 * @param frameworks the frameworks tested, as the report writes them
 * @param chartLabel the label in bar charts, e.g. {@code LLaMA 1B Q6_K}
 * @param tableLabel the label in the bandwidth table, e.g. {@code 1B Q6_K}
 * @param inSummary whether the executive summary has a column for it
 * @param nParams parameters, -1 when unknown
 * @param nParamsSource where the parameter count comes from
 */
public record ModelEntry(
    String model,
    String quant,
    String displayName,
    String file,
    Bytes size,
    String frameworks,
    String chartLabel,
    String tableLabel,
    boolean inSummary,
    long nParams,
    String nParamsSource) {
  /** The columns of {@code models.csv}. */
  public static final List<String> COLUMNS =
      List.of(
          "model",
          "quant",
          "display_name",
          "file",
          "size_gb",
          "frameworks",
          "chart_label",
          "table_label",
          "summary",
          "n_params",
          "n_params_source");

  static ModelEntry of(TidyCsv.Row r) {
    double gb = r.optionalNumber("size_gb");
    return new ModelEntry(
        r.required("model"),
        r.required("quant"),
        r.required("display_name"),
        r.text("file"),
        Double.isNaN(gb) ? null : Bytes.gb(gb),
        r.text("frameworks"),
        r.required("chart_label"),
        r.required("table_label"),
        yesNo(r, "summary"),
        r.optionalCount("n_params"),
        r.text("n_params_source"));
  }

  private static boolean yesNo(TidyCsv.Row r, String column) {
    return switch (r.required(column)) {
      case "yes" -> true;
      case "no" -> false;
      default -> throw r.error("column '" + column + "': expected yes or no");
    };
  }

  /** True when a result row with this model and quantization is this model. */
  public boolean is(String resultModel, String resultQuant) {
    return model.equals(resultModel) && quant.equals(resultQuant);
  }

  @Override
  public String toString() {
    return chartLabel + (size == null ? "" : String.format(" (%.2f GB)", size.in(ByteUnit.GB)));
  }
}
