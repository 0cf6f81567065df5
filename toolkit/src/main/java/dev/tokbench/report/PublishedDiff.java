package dev.tokbench.report;

import dev.tokbench.BadInputException;
import dev.tokbench.FileReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every difference between the regenerated {@code REPORT.md} and the published text ({@code
 * published-report.md} in the data folder), section by section, each with its reason: a claim's
 * verdict printed beside its passage, a chart or computed table the published report lacks, a
 * figure a claim corrects, a text bar drawn from its value, a label spaced like the others; what no
 * rule explains is listed as unexplained. Lines are compared without blank lines, without the rules
 * between sections and without the padding of table and text-bar columns.
 *
 * <pre>{@code
 * PublishedDiff d = PublishedDiff.of(Report.from(Path.of("data/jetson-orin-agx-2025-07-17")));
 * d.differences()    // List<Difference>
 * d.unexplained()    // the ones no rule explains: none for the Orin
 * d.markdown()       // what `tokbench report --diff-published` prints
 * }</pre>
 *
 * @param differences every difference, in the regenerated report's order
 */
public record PublishedDiff(List<Difference> differences) {
  /** The published text's file in a data folder. */
  public static final String FILE = "published-report.md";

  public PublishedDiff {
    differences = List.copyOf(differences);
  }

  /** Why a difference is there. */
  public enum Reason {
    VERDICT("the data's verdict on a claim, beside the passage that makes it"),
    CHART("a chart drawn from the rows of the table or bars above it"),
    COMPUTED("a table or chart computed from the data that the published report lacks"),
    CORRECTED("a figure that does not follow from its inputs, as a claim shows"),
    BAR_RULE("a text bar drawn from its value: floor(value × 8) eighths"),
    LABEL_SPACING("a label spelled like the others, differing only in spaces"),
    UNEXPLAINED("no rule explains it");

    private final String meaning;

    Reason(String meaning) {
      this.meaning = meaning;
    }

    /** What the reason means, in a sentence. */
    public String meaning() {
      return meaning;
    }
  }

  /**
   * One difference.
   *
   * @param section the heading path it is under ({@code 5. Analysis › Memory Bandwidth
   *     Utilization})
   * @param published the published line, empty when added
   * @param regenerated the regenerated line, empty when removed
   * @param reason why
   * @param detail what explains it (the claim and what it computes, the bar's eighths), or empty
   */
  public record Difference(
      String section, String published, String regenerated, Reason reason, String detail) {
    /** {@code added}, {@code removed} or {@code changed}. */
    public String kind() {
      if (published.isEmpty()) return "added";
      return regenerated.isEmpty() ? "removed" : "changed";
    }

    /** One line: section, kind, reason and its detail, without the lines themselves. */
    public String summary() {
      return section
          + " | "
          + kind()
          + " | "
          + reason.name().toLowerCase().replace('_', ' ')
          + (detail.isEmpty() ? "" : " | " + detail);
    }
  }

  /** The report against the published text in its folder. */
  public static PublishedDiff of(Report report) {
    Path file = report.data().dir().resolve(FILE);
    if (!Files.exists(file)) {
      throw new BadInputException(
          "no published report to compare with: " + file + " does not exist");
    }
    try {
      return of(Files.readString(file), report.markdown(), new DiffReasons(report));
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    }
  }

  static PublishedDiff of(String published, String regenerated, DiffReasons reasons) {
    Map<String, List<String>> pub = MarkdownLines.sections(published);
    Map<String, List<String>> gen = MarkdownLines.sections(regenerated);
    List<Difference> out = new ArrayList<>();
    List<String> pubKeys = new ArrayList<>(pub.keySet());
    List<String> genKeys = new ArrayList<>(gen.keySet());
    for (Lcs.Step<String> step : Lcs.diff(pubKeys, genKeys)) {
      String key = step.value();
      switch (step.kind()) {
        case SAME -> out.addAll(reasons.explain(key, pub.get(key), gen.get(key)));
        case ADDED -> out.add(reasons.addedSection(key, gen.get(key)));
        case REMOVED ->
            out.add(new Difference(key, "(the whole section)", "", Reason.UNEXPLAINED, ""));
      }
    }
    return new PublishedDiff(out);
  }

  /** The differences no rule explains. */
  public List<Difference> unexplained() {
    return differences.stream().filter(d -> d.reason() == Reason.UNEXPLAINED).toList();
  }

  /** One summary line per difference ({@link Difference#summary()}). */
  public List<String> summaries() {
    return differences.stream().map(Difference::summary).toList();
  }

  /** Counts by reason, then every difference under its section, with the lines and the reason. */
  public String markdown() {
    StringBuilder out = new StringBuilder("# REPORT.md against the published report\n\n");
    out.append("Compared section by section and line by line; blank lines, the rules between")
        .append(" sections and the padding of table and text-bar columns are ignored.\n\n");
    Map<Reason, Integer> counts = new LinkedHashMap<>();
    for (Difference d : differences) counts.merge(d.reason(), 1, Integer::sum);
    out.append("| reason | differences | meaning |\n|---|---|---|\n");
    for (Reason r : Reason.values()) {
      out.append("| ").append(r.name().toLowerCase().replace('_', ' ')).append(" | ");
      out.append(counts.getOrDefault(r, 0)).append(" | ").append(r.meaning()).append(" |\n");
    }
    String section = null;
    for (Difference d : differences) {
      if (!d.section().equals(section)) {
        section = d.section();
        out.append("\n## ").append(section).append("\n\n");
      }
      out.append("- **").append(d.kind()).append("** (").append(d.reason().name().toLowerCase());
      out.append(d.detail().isEmpty() ? "" : ": " + d.detail()).append(")\n");
      if (!d.published().isEmpty())
        out.append("  - published: `").append(code(d.published())).append("`\n");
      if (!d.regenerated().isEmpty()) {
        out.append("  - regenerated: `").append(code(d.regenerated())).append("`\n");
      }
    }
    return out.toString();
  }

  private static String code(String line) {
    String s = line.strip().replace("`", "'");
    return s.length() > 160 ? s.substring(0, 157) + "..." : s;
  }

  @Override
  public String toString() {
    return "PublishedDiff["
        + differences.size()
        + " differences, "
        + unexplained().size()
        + " unexplained]";
  }
}
