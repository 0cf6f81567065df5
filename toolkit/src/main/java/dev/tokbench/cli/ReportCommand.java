package dev.tokbench.cli;

import dev.tokbench.device.DeviceCatalog;
import dev.tokbench.report.DataFolder;
import dev.tokbench.report.DeviceSpec;
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
          + " claims.md with each claim of the folder's claims.yaml recomputed and its verdict"
          + " (none without one), the rows as"
          + " results.csv, and the charts as charts/*.png and charts/*.svg. Files an earlier"
          + " run into the same folder wrote and this one does not are removed."
    },
    footer = {
      "",
      "Examples:",
      "  tokbench report",
      "  tokbench report --data data/h100-sxm5-2026-11-25 --out build/report-h100",
      "  tokbench report --compare data/h100-sxm5-2026-11-25",
      "  tokbench report --data data/my-board --device \"My board\" --bandwidth 204.8",
      "  tokbench report --html --diff-published",
      "",
      "Exit status: 0 written; 1 --diff-published found a difference no rule explains."
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

  @Option(
      names = "--html",
      description = "Also write index.html: the whole report as one self-contained page.")
  boolean html;

  @Option(
      names = "--diff-published",
      description =
          "Also write published-diff.md: every difference from the folder's"
              + " published-report.md, section by section, with its reason.")
  boolean diffPublished;

  @Option(
      names = "--device",
      paramLabel = "NAME",
      description =
          "The device the folder was measured on, instead of its device.csv: a catalogue name or"
              + " alias, or any name with --bandwidth.")
  String device;

  @Option(
      names = "--bandwidth",
      paramLabel = "GB/s",
      description = "With --device: its theoretical memory bandwidth (default: the catalogue's).")
  Double bandwidth;

  @Option(
      names = "--practical",
      paramLabel = "GB/s",
      description = "With --device: a measured practical bandwidth to judge by as well.")
  Double practical;

  @Override
  public Integer call() throws java.io.IOException {
    Report report = Report.of(folder());
    report.writeTo(out, html, diffPublished, compare == null ? null : Report.from(compare));
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
    if (html) System.out.println("tokbench: wrote " + out.resolve("index.html"));
    if (!diffPublished) return 0;
    dev.tokbench.report.PublishedDiff diff = report.diffPublished();
    System.out.println(
        "tokbench: wrote "
            + out.resolve("published-diff.md")
            + " ("
            + diff.differences().size()
            + " differences, "
            + diff.unexplained().size()
            + " unexplained)");
    diff.unexplained().forEach(d -> System.err.println("unexplained: " + d.summary()));
    return diff.unexplained().isEmpty() ? 0 : 1;
  }

  /** The data folder, its device from --device/--bandwidth when given, else its device.csv. */
  private DataFolder folder() {
    if (device == null) {
      if (bandwidth != null || practical != null) {
        throw new dev.tokbench.BadInputException("--bandwidth and --practical need --device NAME");
      }
      return DataFolder.read(data);
    }
    DeviceCatalog catalog = DeviceCatalog.builtin();
    Path own = data.resolve("devices.csv");
    if (java.nio.file.Files.exists(own)) catalog = catalog.with(DeviceCatalog.read(own));
    double bw = bandwidth == null ? Double.NaN : bandwidth;
    double pr = practical == null ? Double.NaN : practical;
    return DataFolder.read(data, catalog, DeviceSpec.given(device, bw, pr, catalog));
  }
}
