package dev.tokbench.cli;

import dev.tokbench.report.Report;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tokbench report}: regenerates every table, chart and claim check from a data folder. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Regenerate the report from a data folder: REPORT.md with every table and text bar chart,"
          + " claims.md with each claim of the prose recomputed and its verdict, the rows as"
          + " results.csv, and the charts as charts/*.png and charts/*.svg."
    },
    footer = {
      "",
      "Examples:",
      "  tokbench report",
      "  tokbench report --data data/h100-sxm5-2026-11-25 --out build/report-h100",
      "  tokbench report --compare data/h100-sxm5-2026-11-25"
    })
final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "The data folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "data/jetson-orin-agx-2025-07-17")
  Path data;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "The output folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "build/report")
  Path out;

  @Option(
      names = "--compare",
      paramLabel = "DIR",
      description = "A second data folder: also write COMPARE.md, the two side by side.")
  Path compare;

  @Override
  public Integer call() throws java.io.IOException {
    Report report = Report.from(data);
    report.writeTo(out);
    if (compare != null) {
      String md =
          "# " + report.compareTable(Report.from(compare)).toString().replaceFirst("\n", "\n\n");
      java.nio.file.Files.writeString(out.resolve("COMPARE.md"), md);
    }
    System.out.println(
        "tokbench: wrote "
            + out.resolve("REPORT.md")
            + " ("
            + report.tableNames().size()
            + " tables, "
            + report.bars().size()
            + " bar charts, "
            + report.claims().size()
            + " claims)");
    return 0;
  }
}
