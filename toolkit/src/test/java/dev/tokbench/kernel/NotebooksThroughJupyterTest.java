package dev.tokbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tokbench.notebook.NotebookRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notebooks executed by {@code jupyter nbconvert --execute} through the kernel produce the same
 * outputs as the headless runner: per code cell the same output types in the same order, the same
 * MIME types and the same text. For {@code notebooks/*.ipynb} the runner's outputs are the
 * committed ones ({@code NotebooksTest} checks that those equal a fresh run); the test notebook is
 * run by the runner here.
 */
class NotebooksThroughJupyterTest {
  private static final String KERNEL = "tokbench-test";

  @TempDir Path tmp;

  @Test
  void everyRepositoryNotebookMatchesItsRunnerOutputsThroughNbconvert() throws Exception {
    RealJupyter.require("nbclient", "nbformat", "jupyter_client");
    List<Path> notebooks = repositoryNotebooks();
    assertThat(notebooks).as("notebooks/*.ipynb").isNotEmpty();
    List<Path> executed = nbconvert(notebooks);
    for (int i = 0; i < notebooks.size(); i++) {
      assertThat(outputs(executed.get(i)))
          .as("outputs of %s through Jupyter vs committed", notebooks.get(i).getFileName())
          .isEqualTo(outputs(notebooks.get(i)));
    }
  }

  @Test
  void testNotebookMatchesAFreshRunnerRun() throws Exception {
    RealJupyter.require("nbclient", "nbformat", "jupyter_client");
    Path notebook = tmp.resolve("input/kernel-features.ipynb");
    Files.createDirectories(notebook.getParent());
    try (InputStream in = getClass().getResourceAsStream("kernel-features.ipynb")) {
      Files.copy(in, notebook);
    }
    Path executed = nbconvert(List.of(notebook)).get(0);
    Path byRunner = tmp.resolve("runner.ipynb");
    NotebookRunner.run(notebook, NotebookRunner.Options.defaults()).notebook().write(byRunner);

    List<String> jupyter = outputs(executed);
    assertThat(jupyter).isEqualTo(outputs(byRunner));
    assertThat(String.join("\n", jupyter))
        .contains("cell 1 stream stdout: to stdout\n\ncell 1 stream stderr: to stderr\n")
        .contains("display_data [text/html, text/plain]")
        .contains("execute_result [text/plain]: 144");
  }

  /** Executes the notebooks with one nbconvert (a fresh kernel each); returns the outputs. */
  private List<Path> nbconvert(List<Path> notebooks) throws IOException {
    Path jupyterPath = RealJupyter.kernelspecs(tmp.resolve("jupyter"), KERNEL);
    Path out = tmp.resolve("executed");
    List<String> command =
        new ArrayList<>(
            List.of(
                RealJupyter.JUPYTER,
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--ExecutePreprocessor.kernel_name=" + KERNEL,
                "--ExecutePreprocessor.timeout=120",
                "--output-dir",
                out.toString()));
    notebooks.forEach(n -> command.add(n.toString()));
    RealJupyter.Result result =
        RealJupyter.run(command, Map.of("JUPYTER_PATH", jupyterPath.toString()), 600);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return notebooks.stream().map(n -> out.resolve(n.getFileName())).toList();
  }

  /**
   * One line per output: its type, stream name or MIME types, and its text (streams, plain text,
   * HTML, error names); PNG bytes are left out (they depend on fonts, not on the kernel), as are
   * wall times.
   */
  static List<String> outputs(Path notebook) throws IOException {
    JsonObject nb = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
    List<String> lines = new ArrayList<>();
    int codeCell = 0;
    for (JsonElement c : nb.getAsJsonArray("cells")) {
      JsonObject cell = c.getAsJsonObject();
      if (!cell.get("cell_type").getAsString().equals("code")) {
        continue;
      }
      codeCell++;
      boolean measured = measured(cell);
      for (JsonElement o : cell.getAsJsonArray("outputs")) {
        String d = describe(o.getAsJsonObject());
        // Timings and this machine's set-up: only the kind of output is comparable.
        if (measured) d = d.substring(0, Math.max(0, d.indexOf(':'))) + ": (measured)";
        lines.add("cell " + codeCell + " " + d);
      }
    }
    return lines;
  }

  private static boolean measured(JsonObject cell) {
    JsonObject metadata = cell.getAsJsonObject("metadata");
    if (metadata == null || !metadata.has("tags")) return false;
    for (JsonElement tag : metadata.getAsJsonArray("tags")) {
      if (tag.getAsString().equals("measured")) return true;
    }
    return false;
  }

  private static String describe(JsonObject output) {
    String type = output.get("output_type").getAsString();
    String text;
    if (type.equals("stream")) {
      text = type + " " + output.get("name").getAsString() + ": " + joined(output.get("text"));
    } else if (type.equals("error")) {
      text =
          type
              + " "
              + output.get("ename").getAsString()
              + ": "
              + output.get("evalue").getAsString();
    } else {
      JsonObject data = output.getAsJsonObject("data");
      List<String> mimes = new ArrayList<>(data.keySet());
      mimes.sort(null);
      text = type + " " + mimes + ": " + joined(data.get("text/plain"));
      if (data.has("text/html")) {
        text += "\n" + joined(data.get("text/html"));
      }
    }
    return text.replaceAll("Wall time: [0-9.]+ ms", "Wall time: N ms");
  }

  /** nbformat stores multi-line text as a string or a list of lines. */
  private static String joined(JsonElement text) {
    if (text.isJsonArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonElement line : (JsonArray) text) {
        sb.append(line.getAsString());
      }
      return sb.toString();
    }
    return text.getAsString();
  }

  private static List<Path> repositoryNotebooks() throws IOException {
    Path dir = null;
    for (Path p = Path.of("").toAbsolutePath(); p != null && dir == null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("notebooks")) && Files.exists(p.resolve("pom.xml"))) {
        dir = p.resolve("notebooks");
      }
    }
    assertThat(dir).as("notebooks/ above " + Path.of("").toAbsolutePath()).isNotNull();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }
}
