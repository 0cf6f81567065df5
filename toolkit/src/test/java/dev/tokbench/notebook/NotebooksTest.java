package dev.tokbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notebook in {@code notebooks/} runs without error through the runner, shows tables and
 * charts, is valid nbformat, and its committed outputs are what a fresh run produces.
 */
class NotebooksTest {
  private static final Pattern PNG = Pattern.compile("\"image/png\": \"([A-Za-z0-9+/=]+)\"");

  @TempDir Path tmp;

  static Path repo() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("notebooks")) && Files.exists(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no notebooks/ directory above " + Path.of("").toAbsolutePath());
  }

  static Stream<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(repo().resolve("notebooks"))) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("notebooks")
  void runsCleanAndMatchesItsCommittedOutputs(Path notebook) throws Exception {
    NotebookRunner.Result result = NotebookRunner.run(notebook, NotebookRunner.Options.defaults());
    assertThat(result.failure()).as(result.toString()).isEmpty();
    String fresh = result.notebook().toJson();
    assertThat(fresh)
        .as("shows a table or a chart")
        .containsAnyOf("\"text/html\"", "\"image/png\"");
    for (String png : pngs(fresh)) {
      assertThat(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png))))
          .isNotNull();
    }
    String committed = Files.readString(notebook);
    assertThat(comparable(fresh))
        .as("committed outputs of %s equal a fresh run's; run scripts/reproduce", notebook)
        .isEqualTo(comparable(committed));
    assertThat(pngs(fresh)).hasSameSizeAs(pngs(committed));
    Path written = tmp.resolve(notebook.getFileName());
    result.notebook().write(written);
    validate(written);
  }

  /**
   * The notebook with PNG bytes left out (they depend on the fonts installed; on one machine they
   * are identical run to run) and, in cells tagged {@code measured} (timings, this machine's
   * set-up), only the kinds of output kept, not their text.
   */
  static String comparable(String json) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode nb = mapper.readTree(PNG.matcher(json).replaceAll("\"image/png\": \"(png)\""));
    for (JsonNode cell : nb.path("cells")) {
      boolean measured = false;
      for (JsonNode tag : cell.path("metadata").path("tags")) {
        measured |= tag.asText().equals("measured");
      }
      if (!measured) continue;
      for (JsonNode output : cell.path("outputs")) {
        ObjectNode o = (ObjectNode) output;
        if (o.has("text")) o.put("text", "(measured)");
        if (o.has("data")) o.get("data").fieldNames().forEachRemaining(m -> mark(o, m));
      }
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(nb);
  }

  private static void mark(ObjectNode output, String mime) {
    if (!mime.equals("image/png")) ((ObjectNode) output.get("data")).put(mime, "(measured)");
  }

  private static List<String> pngs(String json) {
    List<String> out = new ArrayList<>();
    Matcher m = PNG.matcher(json);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** nbformat's own validator (Debian's python3-nbformat), as Jupyter would check the file. */
  static void validate(Path notebook) throws IOException, InterruptedException {
    Path python = Path.of("/usr/bin/python3");
    boolean available =
        Files.isExecutable(python) && run(python.toString(), "-c", "import nbformat").exitCode == 0;
    if (!available && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "CI=true but /usr/bin/python3 cannot import nbformat (apt-get install python3-nbformat)");
    }
    assumeTrue(
        available, "skipped nbformat validation: /usr/bin/python3 with nbformat not installed");
    Outcome v =
        run(
            python.toString(),
            "-c",
            "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))",
            notebook.toString());
    assertThat(v.exitCode).as("nbformat.validate: " + v.output).isZero();
  }

  private record Outcome(int exitCode, String output) {}

  private static Outcome run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Outcome(p.waitFor(), output);
  }
}
