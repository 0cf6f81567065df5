package dev.tokbench.report;

import dev.tokbench.report.Page.Block;
import java.util.List;

/**
 * Writes a {@link Page} as {@code REPORT.md}: passages as they are, verdicts as a quoted list under
 * the passage they belong to ({@code > - `id` **partly**: what the data give}; inside the list item
 * when the passage is one), tables padded, text bars fenced, charts as {@code
 * ![caption](charts/ID.svg)} with the caption under them.
 */
final class PageMarkdown {
  private PageMarkdown() {}

  static String render(Page page) {
    StringBuilder out = new StringBuilder("# ").append(page.title());
    Block previous = null;
    for (Block b : page.blocks()) {
      boolean tight = isListItem(previous) && isListItem(b);
      out.append(tight ? "\n" : "\n\n").append(block(b));
      previous = b;
    }
    return out.append('\n').toString();
  }

  private static boolean isListItem(Block b) {
    return b instanceof Page.Prose p && p.listItem();
  }

  private static String block(Block b) {
    if (b instanceof Page.Heading h) return "#".repeat(h.level()) + " " + h.text();
    if (b instanceof Page.Prose p) return prose(p);
    if (b instanceof Page.Verdicts v) return verdicts(v.claims(), "");
    if (b instanceof Page.Table t) return t.table().markdown().stripTrailing();
    if (b instanceof Page.Bars bars) return "```\n" + bars.bars().render() + "```";
    if (b instanceof Page.Figure f) return figure(f.chart());
    return "---";
  }

  private static String prose(Page.Prose p) {
    if (p.claims().isEmpty()) return p.markdown();
    if (p.listItem()) {
      return p.markdown() + "\n" + verdicts(p.claims(), " ".repeat(p.markerWidth()));
    }
    return p.markdown() + "\n\n" + verdicts(p.claims(), "");
  }

  /** One quoted line per claim: its id, its verdict in bold, what the data give. */
  static String verdicts(List<Claim> claims, String indent) {
    StringBuilder out = new StringBuilder();
    for (Claim c : claims) {
      if (out.length() > 0) out.append('\n');
      out.append(indent).append(verdictLine(c));
    }
    return out.toString();
  }

  /** {@code > - `low-variance` **partly**: largest stddev ...}. */
  static String verdictLine(Claim c) {
    return "> - `" + c.id() + "` **" + c.verdict().label() + "**: " + oneLine(c.computed());
  }

  /** The chart's title as alt text, the caption in italics under it. */
  private static String figure(ReportChart c) {
    String title = c.figure().title().replace("[", "(").replace("]", ")");
    return "![" + title + "](charts/" + c.id() + ".svg)\n\n*" + oneLine(c.caption()) + "*";
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ');
  }
}
