package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.display.MimeBundle;
import dev.tokbench.display.Renderers;
import org.junit.jupiter.api.Test;

class ReportRenderersTest {
  private final Renderers renderers =
      Renderers.standard().discover(ReportRenderersTest.class.getClassLoader());
  private final Report orin = Report.from(TestData.orin());

  @Test
  void tablesShowAsHtmlInNotebooksThroughTheServiceFile() {
    MimeBundle b = renderers.render(orin.table("llama.cpp"));
    assertThat(b.get(MimeBundle.HTML)).contains("<td><b>25.59 ± 0.04</b></td>");
    assertThat(b.get(MimeBundle.MARKDOWN)).contains("| **25.59 ± 0.04** |");
    assertThat(b.plain()).startsWith("Full Results Table\n| Model");
  }

  @Test
  void textBarsShowAsTheirChart() {
    assertThat(renderers.render(orin.bars("decode-3b-q6k")).plain())
        .contains("██▉           2.93 tok/s");
  }
}
