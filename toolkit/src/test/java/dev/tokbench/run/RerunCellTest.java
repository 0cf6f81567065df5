package dev.tokbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.notebook.NotebookRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook cell that adds settings to a run made in an earlier cell, run twice through the real
 * notebook runner, gives the same command line both times: every setter returns a new run.
 */
class RerunCellTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void rerunningACellThatAddsToARunFromAnEarlierCellGivesTheSameCommandLine() throws IOException {
    String made =
        "var llama = LlamaBench.at(Path.of(\"/opt/llama.cpp/llama-bench\"));\n"
            + "var t = Tinygrad.at(Path.of(\"/opt/tinygrad\"));\n"
            + "var v = Vllm.latency(\"meta-llama/Llama-3.2-1B-Instruct\");\n"
            + "var m = MlcLlm.bench(Path.of(\"dist/m\"), Path.of(\"dist/m.so\"));";
    String llama = "llama.model(Path.of(\"m.gguf\")).prompt(64).arg(\"-ngl\", \"99\").args()";
    String others =
        "t.model(Path.of(\"m.gguf\")).jitBeam(2).arg(\"--temperature\", \"0\").env(\"DEBUG\", \"2\")"
            + ".spec().commandLine()\n"
            + " + \"|\" + v.inputLen(512).arg(\"--enforce-eager\").spec(Path.of(\"o.json\"))"
            + ".commandLine()\n"
            + " + \"|\" + m.requests(4).arg(\"--port\", \"8001\").spec(Path.of(\"o.csv\"))"
            + ".commandLine()";
    NotebookRunner.Result r = run(notebook(made, llama, llama, others, others));

    assertThat(plain(r, 1))
        .isEqualTo(plain(r, 2))
        .isEqualTo("[-m, m.gguf, -p, 64, -ngl, 99, -v, -o, jsonl]");
    String lines = plain(r, 3);
    assertThat(lines).isEqualTo(plain(r, 4));
    assertThat(lines.split("--temperature", -1)).hasSize(2);
    assertThat(lines.split("--enforce-eager", -1)).hasSize(2);
    assertThat(lines.split("--port 8001", -1)).hasSize(2);
    assertThat(lines).contains("JITBEAM=2").contains("DEBUG=2").contains("--input-len 512");
  }

  private static NotebookRunner.Result run(Path nb) {
    NotebookRunner.Result r =
        NotebookRunner.run(
            nb, NotebookRunner.Options.defaults().withCellTimeout(Duration.ofSeconds(60)));
    assertThat(r.ok()).as(r.notebook().toString()).isTrue();
    return r;
  }

  private static String plain(NotebookRunner.Result r, int cell) {
    JsonNode out = r.notebook().cells().get(cell).get("outputs").get(0);
    JsonNode text = out.get("data").get("text/plain");
    StringBuilder b = new StringBuilder();
    text.forEach(line -> b.append(line.asText()));
    return b.toString().replaceAll("^\"|\"$", "").replace("\\n", "\n");
  }

  private Path notebook(String... cells) throws IOException {
    ObjectNode nb = JSON.createObjectNode();
    ArrayNode array = nb.putArray("cells");
    for (int i = 0; i < cells.length; i++) {
      ObjectNode c = array.addObject();
      c.put("cell_type", "code");
      c.put("id", "c" + i);
      c.putNull("execution_count");
      c.putObject("metadata");
      c.putArray("outputs");
      c.put("source", cells[i]);
    }
    nb.putObject("metadata");
    nb.put("nbformat", 4);
    nb.put("nbformat_minor", 5);
    return Files.writeString(dir.resolve("rerun.ipynb"), JSON.writeValueAsString(nb));
  }
}
