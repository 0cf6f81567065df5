package dev.tokbench.notebook;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * JSON written the way Jupyter writes notebooks ({@code json.dumps(nb, indent=1, sort_keys=True,
 * ensure_ascii=False)} plus a final newline), so that saving a notebook from Jupyter after running
 * it here changes nothing but what really changed.
 */
final class JupyterJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

  private static final ObjectWriter WRITER = MAPPER.writer(new PythonStyle());

  private JupyterJson() {}

  static String write(JsonNode node) throws IOException {
    return WRITER.writeValueAsString(node) + "\n";
  }

  /** Text as nbformat stores multi-line strings: a list of lines, each keeping its newline. */
  static ArrayNode lines(String text) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl + 1;
      out.add(text.substring(start, end));
      start = end;
    }
    return out;
  }

  /** Joins a multi-line string that may be stored as one string or as a list of lines. */
  static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (node.isArray()) {
      StringBuilder out = new StringBuilder();
      node.forEach(line -> out.append(line.asText()));
      return out.toString();
    }
    return node.asText();
  }

  /** Python's layout: one space per level, {@code "key": value}, empty containers as {} and []. */
  private static final class PythonStyle extends DefaultPrettyPrinter {
    PythonStyle() {
      super(
          Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withRootSeparator(""));
      DefaultIndenter indenter = new DefaultIndenter(" ", "\n");
      indentObjectsWith(indenter);
      indentArraysWith(indenter);
    }

    PythonStyle(PythonStyle base) {
      super(base);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new PythonStyle(this);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      if (entries == 0) {
        _nesting--;
        g.writeRaw('}');
      } else {
        super.writeEndObject(g, entries);
      }
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      if (values == 0) {
        _nesting--;
        g.writeRaw(']');
      } else {
        super.writeEndArray(g, values);
      }
    }
  }
}
