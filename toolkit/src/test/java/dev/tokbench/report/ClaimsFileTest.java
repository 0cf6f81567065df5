package dev.tokbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A user's own claims file: the example of docs/reports.md, figures a folder lacks, bad files. */
class ClaimsFileTest {
  private static final Path DOC = Path.of("..", "docs", "reports.md");

  @TempDir Path dir;

  /** The first YAML block under "Claims of your own report". */
  private static String docExample() throws IOException {
    String doc = Files.readString(DOC);
    String after = doc.substring(doc.indexOf("## Claims of your own report"));
    int start = after.indexOf("```yaml\n") + "```yaml\n".length();
    return after.substring(start, after.indexOf("```\n", start));
  }

  private Report h100With(String claims) throws IOException {
    Folders.copyTree(TestData.h100(), dir);
    Files.writeString(dir.resolve("claims.yaml"), claims);
    return Report.from(dir);
  }

  @Test
  void theDocumentedExampleRunsOnACopyOfTheH100Folder() throws IOException {
    Report r = h100With(docExample());
    List<Claim> claims = r.claims();
    assertThat(claims).extracting(Claim::id).containsExactly("fa-decode-1b-q4", "fa-decode-all");
    assertThat(claims.get(0).verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(claims.get(0).computed()).endsWith(" tok/s = +14.2%");
    assertThat(claims.get(1).verdict()).isEqualTo(Verdict.PARTLY);
    assertThat(claims.get(1).computed())
        .isEqualTo(
            "FA on over off: LLaMA 1B Q6_K +17.6%, LLaMA 1B Q4_K_M +14.2%, LLaMA 3B Q6_K +13.5%");
    r.writeTo(dir.resolve("out"));
    assertThat(Files.readString(dir.resolve("out/claims.md")))
        .contains("- holds: 1", "- partly: 1", "| fa-decode-all | Results | **partly** |");
    assertThat(Files.readString(dir.resolve("out/REPORT.md")))
        .contains("> - `fa-decode-1b-q4` **holds**: ");
  }

  @Test
  void aFigureTheFolderLacksMakesTheClaimUncheckableAndSaysWhich() throws IOException {
    String claims =
        """
        claims:
          - id: tinygrad-q4
            section: Results
            quote: "tinygrad decodes 1B Q4_K_M at 100 tok/s."
            figures:
              t: {speed: decode, model: LLaMA 1B Q4_K_M, framework: tinygrad, backend: NV}
            says: "{t:2} tok/s"
            holds: [{value: t, within: 5, of: 100}]
          - id: the-8b
            section: Results
            quote: "The 8B decodes at 300 tok/s."
            figures:
              t: {speed: decode, model: LLaMA 8B Q4_K_M, framework: llama.cpp}
            missing: "the 8B's decode"
            says: "{t:2} tok/s"
            holds: [{value: t, within: 5, of: 300}]
        """;
    List<Claim> c = h100With(claims).claims();
    assertThat(c).extracting(Claim::verdict).containsOnly(Verdict.NOT_CHECKABLE);
    assertThat(c.get(0).computed())
        .isEqualTo(
            "no data: t {speed=decode, model=LLaMA 1B Q4_K_M, framework=tinygrad, backend=NV}");
    assertThat(c.get(1).computed()).isEqualTo("no data: the 8B's decode");
  }

  private static final String GOOD =
      """
      claims:
        - id: a
          section: S
          quote: Q
          figures:
            x: {speed: decode, model: M, framework: llama.cpp}
          compute: {y: ratio x x}
          says: "{y:2}"
          holds: [{value: y, equals: 1}]
      """;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "    figures:|    figure:|5|unknown key 'figure' in claims[0]; the keys are [compute, figures,",
        "ratio x x|divide x x|7|unknown computation 'divide'; the computations are [bandwidth,",
        "ratio x x|ratio x z|7|claims[0].compute.y: 'z' is not defined; defined: ['x']",
        "framework: llama.cpp}|framework: llama.cpp, fa: maybe}|6|figures.x.fa must be one of [off, on]",
        "{speed: decode,|{velocity: decode,|6|unknown key 'velocity' in claims[0].figures.x; the keys",
        "says: \"{y:2}\"|says: \"{w:2}\"|8|claims[0].says: 'w' is not defined",
        "equals: 1|equal: 1|9|unknown key 'equal' in claims[0].holds[0]; the keys are",
        "  - id: a|  - id: a b|2|claims[0].id must be letters, digits",
        "    holds: [{value: y, equals: 1}]|    holds: [{value: y, equals: 1}|10|not valid YAML",
      })
  void aMalformedFileIsAnErrorAtItsLineNamingTheKey(
      String from, String to, int line, String message) throws IOException {
    Path file = dir.resolve("claims.yaml");
    Files.writeString(file, GOOD.replace(from, to));
    assertThatThrownBy(() -> ClaimsFile.read(dir))
        .isInstanceOfSatisfying(
            DataFileException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file.toString());
              assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
            })
        .hasMessageContaining(message);
  }

  @Test
  void twoClaimsWithOneIdAndAListWithoutEndAreRefused() throws IOException {
    Files.writeString(dir.resolve("claims.yaml"), GOOD + GOOD.substring(GOOD.indexOf("  - id")));
    assertThatThrownBy(() -> ClaimsFile.read(dir))
        .hasMessageContaining("claims.yaml:10: claims[1].id: two claims are named 'a'");
    String many =
        GOOD.replace(
            "    figures:",
            "    lists:\n      l:\n        for_each: {a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],"
                + " b: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], c: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],"
                + " d: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}\n        value: a\n        item: x\n"
                + "    figures:");
    Files.writeString(dir.resolve("claims.yaml"), many);
    assertThatThrownBy(() -> ClaimsFile.read(dir))
        .hasMessageContaining("for_each makes 11000 items; at most 10000");
  }
}
