package dev.tokbench.notebook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.display.MimeBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a code cell's nbformat outputs as it runs: consecutive text on one stream becomes one
 * {@code stream} output, {@code display(x)} a {@code display_data}, the value an {@code
 * execute_result}, a failure an {@code error}.
 */
final class OutputCollector implements CellListener.ByStream {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final List<Object> outputs = new ArrayList<>(); // StringBuilder-backed streams or nodes
  private final List<String> streamNames = new ArrayList<>();

  @Override
  public synchronized void display(MimeBundle bundle) {
    ObjectNode out = JSON.objectNode();
    out.set("data", data(bundle));
    out.set("metadata", JSON.objectNode());
    out.put("output_type", "display_data");
    add(out, null);
  }

  synchronized void result(MimeBundle bundle, int executionCount) {
    ObjectNode out = JSON.objectNode();
    out.set("data", data(bundle));
    out.put("execution_count", executionCount);
    out.set("metadata", JSON.objectNode());
    out.put("output_type", "execute_result");
    add(out, null);
  }

  synchronized void error(CellError error) {
    ObjectNode out = JSON.objectNode();
    out.put("ename", error.name());
    out.put("evalue", error.message());
    out.put("output_type", "error");
    ArrayNode traceback = out.putArray("traceback");
    error.traceback().forEach(traceback::add);
    add(out, null);
  }

  synchronized ArrayNode toJson() {
    ArrayNode array = JSON.arrayNode();
    for (int i = 0; i < outputs.size(); i++) {
      if (outputs.get(i) instanceof StringBuilder text) {
        ObjectNode out = JSON.objectNode();
        out.put("name", streamNames.get(i));
        out.put("output_type", "stream");
        out.set("text", JupyterJson.lines(text.toString()));
        array.add(out);
      } else {
        array.add((ObjectNode) outputs.get(i));
      }
    }
    return array;
  }

  @Override
  public synchronized void stream(String name, String text) {
    int last = outputs.size() - 1;
    if (last >= 0 && name.equals(streamNames.get(last))) {
      ((StringBuilder) outputs.get(last)).append(text);
    } else {
      add(new StringBuilder(text), name);
    }
  }

  private void add(Object output, String streamName) {
    outputs.add(output);
    streamNames.add(streamName);
  }

  /** nbformat's mime bundle: text types as lists of lines, binary ones as one base64 string. */
  private static ObjectNode data(MimeBundle bundle) {
    ObjectNode data = JSON.objectNode();
    for (Map.Entry<String, String> e : bundle.data().entrySet()) {
      boolean split = e.getKey().startsWith("text/") || e.getKey().equals(MimeBundle.SVG);
      data.set(e.getKey(), split ? JupyterJson.lines(e.getValue()) : JSON.textNode(e.getValue()));
    }
    return data;
  }
}
