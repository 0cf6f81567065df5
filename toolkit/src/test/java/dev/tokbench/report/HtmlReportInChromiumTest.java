package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index.html} in a real browser (Debian's headless Chromium over the DevTools protocol):
 * every table and chart of the report is in the DOM, nothing logs an error, nothing is fetched but
 * the file itself, tables sort, a figure's link lights up its rows; a screenshot of each page is
 * kept under {@code target/screenshots/}.
 */
class HtmlReportInChromiumTest {
  @TempDir Path tmp;

  private static final String DOM =
      """
      (() => ({
        ready: document.documentElement.getAttribute('data-ready'),
        tables: [...document.querySelectorAll('table')].map(t => t.getAttribute('data-name')),
        charts: [...document.querySelectorAll('figure > svg')].map(s => s.id),
        drawn: [...document.querySelectorAll('figure > svg')]
            .filter(s => s.getBBox().width > 400 && s.querySelectorAll('text').length > 5).length,
        broken: [...document.querySelectorAll('a[href^="#"]')]
            .map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id)),
        figureLinks: document.querySelectorAll('a.src').length,
        verdicts: document.querySelectorAll('.verdicts li').length,
        rows: document.querySelectorAll('tr[id^="row-"]').length,
        sections: [...document.querySelectorAll('main h2')].map(h => h.textContent)
      }))()
      """;

  private static final String SORT =
      """
      (() => {
        const t = document.querySelector('table[data-name="llama.cpp"]');
        const head = [...t.tHead.rows[0].cells];
        const col = head.findIndex(c => c.textContent.startsWith('tg'));
        head[col].click();
        return [...t.tBodies[0].rows].map(r => parseFloat(r.cells[col].getAttribute('data-v')));
      })()
      """;

  private static final String FOLLOW =
      """
      (() => {
        const a = document.querySelector('table[data-name="llama.cpp"] a.src');
        a.click();
        return { rows: a.getAttribute('data-rows'),
                 lit: [...document.querySelectorAll('tr.hit')].map(r => r.id) };
      })()
      """;

  @Test
  void theOrinPageHasEveryTableAndChartNoErrorNoFetchAndSortsAndLinksRows() throws Exception {
    Path browser = Chromium.require();
    Report orin = Report.from(TestData.orin());
    Path page = check(browser, orin, "orin");
    // the SVG namespace is a name, not a fetch; what the browser fetched is checked in check()
    assertThat(Files.readString(page))
        .doesNotContainPattern("(src|href|action)=\"(https?:)?//")
        .doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//")
        .doesNotContain("@import");
  }

  @Test
  void theH100PageToo() throws Exception {
    check(Chromium.require(), Report.from(TestData.h100()), "h100");
  }

  private Path check(Path browser, Report report, String name) throws Exception {
    Path out = tmp.resolve(name);
    report.writeTo(out, true, false);
    Path page = out.resolve("index.html");
    String url = page.toUri().toString();
    try (Chromium c = Chromium.start(browser, tmp.resolve("profile-" + name))) {
      c.load(url, 1400, 1100);
      Path shots = Path.of("target/screenshots");
      Files.createDirectories(shots);
      shot(c, shots.resolve(name + "-index.png"));
      JsonNode dom = c.evaluate(DOM);
      assertThat(dom.path("ready").asText()).isEqualTo("yes");
      assertThat(strings(dom.path("tables"))).isEqualTo(expectedTables(report));
      List<String> charts = report.charts().stream().map(ReportChart::id).toList();
      assertThat(strings(dom.path("charts"))).containsExactlyInAnyOrderElementsOf(charts);
      assertThat(dom.path("drawn").asInt()).isEqualTo(charts.size());
      assertThat(strings(dom.path("broken"))).isEmpty();
      assertThat(dom.path("figureLinks").asInt()).isPositive();
      assertThat(dom.path("rows").asInt()).isEqualTo(report.results().size());
      assertThat(strings(dom.path("sections"))).contains("Sources and provenance", "Every row");
      if (report.hasClaims())
        assertThat(strings(dom.path("sections"))).contains("Claims and verdicts");
      List<Double> sorted = new ArrayList<>();
      c.evaluate(SORT).forEach(v -> sorted.add(v.asDouble()));
      assertThat(sorted).isSorted().hasSizeGreaterThan(2);
      JsonNode followed = c.evaluate(FOLLOW);
      List<String> linked = new ArrayList<>();
      for (String id : followed.path("rows").asText().split(" ")) linked.add("row-" + id);
      assertThat(strings(followed.path("lit"))).containsExactlyInAnyOrderElementsOf(linked);
      assertThat(c.problems()).isEmpty();
      assertThat(c.requests()).containsExactly(url);
      shot(c, shots.resolve(name + "-rows.png")); // the rows the followed link lit up
    }
    return page;
  }

  private static void shot(Chromium c, Path file) throws Exception {
    byte[] png = c.screenshot();
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    Files.write(file, png);
  }

  /** The page's tables in order: the report's, then the claims (when it has some) and the rows. */
  private static List<String> expectedTables(Report report) {
    List<String> names = new ArrayList<>();
    for (Page.Block b : ReportPage.of(report).blocks()) {
      if (b instanceof Page.Table t) names.add(t.table().name());
    }
    if (!report.claims().isEmpty()) names.add("claims");
    names.add("rows");
    return names;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
