package dev.tokbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Writes a notebook of code cells (a cell starting with "#parameters\n" gets that tag). */
  private Path notebook(String... cells) throws IOException {
    ObjectNode nb = JSON.createObjectNode();
    ArrayNode array = nb.putArray("cells");
    for (int i = 0; i < cells.length; i++) {
      ObjectNode cell = array.addObject();
      cell.put("cell_type", "code");
      cell.put("id", "c" + i);
      cell.putNull("execution_count");
      ObjectNode meta = cell.putObject("metadata");
      String source = cells[i];
      if (source.startsWith("#parameters\n")) {
        meta.putArray("tags").add("parameters");
        source = source.substring("#parameters\n".length());
      }
      cell.putArray("outputs");
      cell.set("source", JupyterJson.lines(source));
    }
    nb.putObject("metadata").put("custom_field", "kept");
    nb.put("nbformat", 4);
    nb.put("nbformat_minor", 5);
    Path path = dir.resolve("test.ipynb");
    Files.writeString(path, JSON.writeValueAsString(nb));
    return path;
  }

  private static NotebookRunner.Options quick() {
    return NotebookRunner.Options.defaults().withCellTimeout(Duration.ofSeconds(60));
  }

  private static JsonNode outputs(NotebookRunner.Result r, int cell) {
    return r.notebook().cells().get(cell).get("outputs");
  }

  @Test
  void outputsAreRecordedInOrderWithExecutionCounts() throws IOException {
    NotebookRunner.Result r =
        NotebookRunner.run(
            notebook(
                "int a = 2;",
                "System.out.println(\"hi\");\ndisplay(Display.markdown(\"*m*\"));\na * 21"),
            quick());
    assertThat(r.ok()).isTrue();
    JsonNode out = outputs(r, 1);
    assertThat(out).hasSize(3);
    assertThat(out.get(0).get("output_type").asText()).isEqualTo("stream");
    assertThat(out.get(0).get("text").get(0).asText()).isEqualTo("hi\n");
    assertThat(out.get(1).get("data").get("text/markdown").get(0).asText()).isEqualTo("*m*");
    assertThat(out.get(2).get("output_type").asText()).isEqualTo("execute_result");
    assertThat(out.get(2).get("execution_count").asInt()).isEqualTo(2);
    assertThat(out.get(2).get("data").get("text/plain").get(0).asText()).isEqualTo("42");
    assertThat(r.notebook().cells().get(1).get("execution_count").asInt()).isEqualTo(2);
    assertThat(r.notebook().root().get("metadata").get("custom_field").asText()).isEqualTo("kept");
  }

  @Test
  void failingCellStopsTheNotebookWithAnErrorOutput() throws Exception {
    NotebookRunner.Result r =
        NotebookRunner.run(
            notebook("int a = 1;", "throw new IllegalArgumentException(\"bad input\");", "a"),
            quick());
    assertThat(r.failure()).get().extracting(NotebookRunner.Failure::cellIndex).isEqualTo(1);
    JsonNode error = outputs(r, 1).get(0);
    assertThat(error.get("output_type").asText()).isEqualTo("error");
    assertThat(error.get("ename").asText()).isEqualTo("java.lang.IllegalArgumentException");
    assertThat(error.get("evalue").asText()).isEqualTo("bad input");
    assertThat(error.get("traceback").get(1).asText()).isEqualTo("\tat cell 2, line 1");
    assertThat(r.notebook().cells().get(2).get("execution_count").isNull()).isTrue();
    assertThat(r.toString()).contains("test.ipynb").contains("cell 1 failed");
    Path written = dir.resolve("written.ipynb");
    r.notebook().write(written);
    NotebooksTest.validate(written);
  }

  @Test
  void compileErrorOutputGivesLineAndColumn() throws IOException {
    NotebookRunner.Result r = NotebookRunner.run(notebook("int a = 1;\nint b = a +* 2;"), quick());
    JsonNode error = outputs(r, 0).get(0);
    assertThat(error.get("ename").asText()).isEqualTo("CompilationError");
    assertThat(error.get("evalue").asText())
        .startsWith("line 2, column 12: illegal start of expression");
  }

  @Test
  void cellTimeoutIsAnErrorThatSaysSo() throws IOException {
    NotebookRunner.Result r =
        NotebookRunner.run(
            notebook("Thread.sleep(30_000);", "1"),
            quick().withCellTimeout(Duration.ofMillis(400)));
    assertThat(r.failure().orElseThrow().error().kind()).isEqualTo(CellError.Kind.TIMEOUT);
    assertThat(outputs(r, 0).get(0).get("evalue").asText())
        .isEqualTo("the cell ran longer than 0.4 s and was stopped");
  }

  @Test
  void parametersAreInjectedInATaggedCellAfterTheDefaults() throws IOException {
    Path nb = notebook("#parameters\nString model = \"a\";\nint runs = 1;", "model + runs");
    NotebookRunner.Result r =
        NotebookRunner.run(
            nb, quick().withParameter("model", "b \"q\"").withParameter("runs", "3"));
    assertThat(r.ok()).isTrue();
    JsonNode injected = r.notebook().cells().get(1);
    assertThat(injected.get("metadata").get("tags").get(0).asText())
        .isEqualTo("injected-parameters");
    assertThat(JupyterJson.text(injected.get("source"))).contains("model = \"b \\\"q\\\"\";");
    assertThat(outputs(r, 2).get(0).get("data").get("text/plain").get(0).asText())
        .isEqualTo("b \"q\"3");
    r.notebook().write(nb);
    NotebookRunner.Result again = NotebookRunner.run(nb, quick());
    assertThat(again.notebook().cells()).hasSize(2); // the old injected cell is gone
  }

  @Test
  void undeclaredOrIllTypedParameterIsRejected() throws IOException {
    Path nb = notebook("#parameters\nint runs = 1;", "runs");
    assertThatThrownBy(() -> NotebookRunner.run(nb, quick().withParameter("model", "x")))
        .isInstanceOf(NotebookFormatException.class)
        .hasMessageContaining("'model' is not declared")
        .hasMessageContaining("declared there: runs");
    assertThatThrownBy(() -> NotebookRunner.run(nb, quick().withParameter("runs", "many")))
        .hasMessageContaining("runs is int, so its value must be a number; got 'many'");
  }

  @Test
  void unknownMagicFailsTheCell() throws IOException {
    NotebookRunner.Result r = NotebookRunner.run(notebook("%maveen a:b:1"), quick());
    assertThat(outputs(r, 0).get(0).get("evalue").asText())
        .contains("unknown line magic %maveen")
        .contains("%jars");
  }

  @Test
  void toolkitJarMagicWorksEvenBeforeTheJarIsBuilt() throws IOException {
    NotebookRunner.Result r =
        NotebookRunner.run(
            notebook(
                "%jars ../nowhere/tokbench-toolkit-0.1.0-SNAPSHOT-all.jar",
                "dev.tokbench.gguf.GgmlType.Q8_0 instanceof dev.tokbench.gguf.GgmlType"),
            quick());
    assertThat(r.ok()).isTrue();
    assertThat(outputs(r, 1).get(0).get("data").get("text/plain").get(0).asText())
        .isEqualTo("true");
  }

  @Test
  void writeReplacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws IOException {
    Path nb = notebook("1 + 1");
    NotebookRunner.Result r = NotebookRunner.run(nb, quick());
    r.notebook().write(nb);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("test.ipynb");
    }
    assertThat(Files.readString(nb)).isEqualTo(r.notebook().toJson()).endsWith("}\n");
    Path blocked = dir.resolve("blocked.ipynb");
    Files.createDirectories(blocked.resolve("inside"));
    assertThatThrownBy(() -> r.notebook().write(blocked)).hasMessageContaining("blocked.ipynb");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .isEqualTo(List.of("blocked.ipynb", "test.ipynb"));
    }
  }

  @Test
  void notJsonIsABadNotebookWithItsLine() throws IOException {
    Path nb = dir.resolve("broken.ipynb");
    Files.writeString(nb, "{\n \"cells\": [\n  oops\n");
    assertThatThrownBy(() -> NotebookFile.read(nb))
        .isInstanceOf(NotebookFormatException.class)
        .hasMessageContaining("broken.ipynb:3: not JSON: ");
  }
}
