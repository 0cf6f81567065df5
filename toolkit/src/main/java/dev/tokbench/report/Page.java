package dev.tokbench.report;

import java.util.List;

/**
 * The report as a document, one list of blocks that {@code REPORT.md} and {@code index.html} are
 * both written from, so the two say the same in the same order.
 *
 * @param title the {@code #} title
 * @param blocks everything under it, in order
 */
record Page(String title, List<Page.Block> blocks) {
  Page {
    blocks = List.copyOf(blocks);
  }

  /** One block of the page. */
  sealed interface Block {}

  /**
   * A heading under the title.
   *
   * @param level 2 for a section ({@code ##}), 3 for a part of one
   * @param text its words
   */
  record Heading(int level, String text) implements Block {}

  /**
   * A passage of Markdown (a paragraph, a list item, a fenced block) with the verdicts of the
   * claims it makes, which the writers print beside it.
   *
   * @param markdown the passage
   * @param claims the claims it makes, recomputed; empty for none
   * @param published true when the passage is the report's own words ({@code report.yaml}), false
   *     when the toolkit wrote it
   */
  record Prose(String markdown, List<Claim> claims, boolean published) implements Block {
    Prose {
      claims = List.copyOf(claims);
    }

    /** A passage the toolkit writes (a scale note), without claims. */
    static Prose note(String markdown) {
      return new Prose(markdown, List.of(), false);
    }

    /** True when the passage is one item of a bullet or numbered list. */
    boolean listItem() {
      return markerWidth() > 0;
    }

    /** The width of the list marker ({@code "- "} is 2, {@code "1. "} is 3), 0 for none. */
    int markerWidth() {
      java.util.regex.Matcher m = LIST_ITEM.matcher(markdown);
      return m.lookingAt() ? m.end() : 0;
    }

    private static final java.util.regex.Pattern LIST_ITEM =
        java.util.regex.Pattern.compile("(?:[-*]|\\d+\\.) ");
  }

  /**
   * Verdicts of claims about a part as a whole, printed under its heading.
   *
   * @param claims the claims, recomputed
   */
  record Verdicts(List<Claim> claims) implements Block {
    Verdicts {
      claims = List.copyOf(claims);
    }
  }

  /**
   * A computed table, with its footnote.
   *
   * @param table the table as shown (rows already chosen)
   */
  record Table(ReportTable table) implements Block {}

  /**
   * A text bar chart in a fenced block, as the report draws them.
   *
   * @param bars the chart
   */
  record Bars(TextBars bars) implements Block {}

  /**
   * A drawn chart, with its caption.
   *
   * @param chart the chart, by its key in {@link ReportCharts}
   */
  record Figure(ReportChart chart) implements Block {}

  /** A horizontal rule between sections. */
  record Rule() implements Block {}
}
