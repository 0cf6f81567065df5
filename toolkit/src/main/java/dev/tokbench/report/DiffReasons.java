package dev.tokbench.report;

import dev.tokbench.report.PublishedDiff.Difference;
import dev.tokbench.report.PublishedDiff.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the reason for each difference of one section: verdict lines and charts the writer adds,
 * table cells a claim corrects (a claim that does not hold, or holds partly, whose quote is the
 * published row), text bars whose length the rule sets, labels that differ only in spaces.
 */
final class DiffReasons {
  private static final Pattern VERDICT =
      Pattern.compile("^\\s*> - `([^`]+)` \\*\\*([^*]+)\\*\\*: .*$");
  private static final Pattern FIGURE = Pattern.compile("^!\\[.*]\\(charts/([a-z0-9-]+)\\.svg\\)$");
  private static final Pattern BAR =
      Pattern.compile("^(.*\\S) ([█▏▎▍▌▋▊▉]+) ([0-9][0-9.,]*) (\\S.*)$");

  private final List<Claim> claims;

  DiffReasons(Report report) {
    this.claims = report.claims();
  }

  /** The differences between the lines of one section present in both texts. */
  List<Difference> explain(String section, List<String> published, List<String> regenerated) {
    List<Difference> out = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (Lcs.Step<String> s : Lcs.diff(published, regenerated)) {
      if (s.kind() == Lcs.Kind.SAME) {
        hunk(section, removed, added, out);
        removed.clear();
        added.clear();
      } else if (s.kind() == Lcs.Kind.REMOVED) removed.add(s.value());
      else added.add(s.value());
    }
    hunk(section, removed, added, out);
    return out;
  }

  /** A section only the regenerated report has: a computed table or chart, or verdicts. */
  Difference addedSection(String section, List<String> lines) {
    long rows = lines.stream().filter(l -> l.startsWith("|") && !l.startsWith("|---")).count();
    List<String> charts = new ArrayList<>();
    long verdicts = 0;
    for (String l : lines) {
      Matcher m = FIGURE.matcher(l);
      if (m.matches()) charts.add(m.group(1));
      if (VERDICT.matcher(l).matches()) verdicts++;
    }
    List<String> what = new ArrayList<>();
    if (rows > 0) what.add("a table of " + (rows - 1) + " rows");
    if (!charts.isEmpty()) what.add("chart " + String.join(", ", charts));
    if (verdicts > 0) what.add(verdicts + " verdicts");
    Reason r = rows == 0 && charts.isEmpty() && verdicts > 0 ? Reason.VERDICT : Reason.COMPUTED;
    if (what.isEmpty()) r = Reason.UNEXPLAINED;
    return new Difference(section, "", "(the whole section)", r, String.join("; ", what));
  }

  private void hunk(
      String section, List<String> removed, List<String> added, List<Difference> out) {
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < added.size(); i++) {
      String a = added.get(i);
      Matcher v = VERDICT.matcher(a);
      Matcher f = FIGURE.matcher(a);
      if (v.matches()) {
        out.add(
            new Difference(section, "", a, Reason.VERDICT, "`" + v.group(1) + "` " + v.group(2)));
      } else if (f.matches()) {
        out.add(new Difference(section, "", a, Reason.CHART, "chart " + f.group(1)));
        if (i + 1 < added.size() && added.get(i + 1).startsWith("*")) i++; // its caption
      } else rest.add(a);
    }
    int paired = removed.size() == rest.size() ? rest.size() : 0;
    for (int i = 0; i < paired; i++) out.addAll(changed(section, removed.get(i), rest.get(i)));
    for (String r : removed.subList(paired, removed.size())) {
      out.add(new Difference(section, r, "", Reason.UNEXPLAINED, ""));
    }
    for (String a : rest.subList(paired, rest.size())) {
      out.add(new Difference(section, "", a, Reason.UNEXPLAINED, ""));
    }
  }

  private List<Difference> changed(String section, String published, String regenerated) {
    Matcher p = BAR.matcher(published);
    Matcher g = BAR.matcher(regenerated);
    if (p.matches() && g.matches() && p.group(3).equals(g.group(3))) {
      return bar(section, published, regenerated, p, g);
    }
    if (published.startsWith("|") && regenerated.startsWith("|")) {
      Optional<Claim> c = correcting(published);
      if (c.isPresent()) {
        String detail =
            "claim `" + c.get().id() + "` " + c.get().verdict().label() + ": " + c.get().computed();
        return List.of(new Difference(section, published, regenerated, Reason.CORRECTED, detail));
      }
    }
    return List.of(new Difference(section, published, regenerated, Reason.UNEXPLAINED, ""));
  }

  private static List<Difference> bar(
      String section, String published, String regenerated, Matcher p, Matcher g) {
    List<Difference> out = new ArrayList<>();
    String label = p.group(1);
    if (!label.equals(g.group(1)) && label.replace(" ", "").equals(g.group(1).replace(" ", ""))) {
      out.add(
          new Difference(
              section,
              published,
              regenerated,
              Reason.LABEL_SPACING,
              "'" + label + "' → '" + g.group(1) + "'"));
    } else if (!label.equals(g.group(1))) {
      out.add(new Difference(section, published, regenerated, Reason.UNEXPLAINED, "label"));
    }
    if (!p.group(2).equals(g.group(2))) {
      int drawn = TextBars.eighths(p.group(2));
      int rule = TextBars.eighths(g.group(2));
      String detail =
          g.group(1)
              + " "
              + g.group(3)
              + ": published "
              + drawn
              + " eighths, floor("
              + g.group(3)
              + " × 8) = "
              + rule
              + " ("
              + (drawn > rule ? "+" : "")
              + (drawn - rule)
              + ")";
      out.add(new Difference(section, published, regenerated, Reason.BAR_RULE, detail));
    }
    return out;
  }

  /** A claim that does not hold (or holds partly) whose quote is this published table row. */
  private Optional<Claim> correcting(String publishedRow) {
    String row = String.join(" | ", MarkdownLines.cells(publishedRow));
    return claims.stream()
        .filter(c -> c.verdict() == Verdict.DOES_NOT_HOLD || c.verdict() == Verdict.PARTLY)
        .filter(c -> c.quote().replaceAll("\\s+", " ").contains(row))
        .findFirst();
  }
}
