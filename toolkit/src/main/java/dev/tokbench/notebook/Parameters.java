package dev.tokbench.notebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Papermill's convention in Java: the cell tagged {@code parameters} declares the defaults ({@code
 * String model = "llama";}); values given on the command line become assignments in a new cell
 * tagged {@code injected-parameters} right after it. A value is written as a literal of the
 * declared type: quoted for {@code String}, {@code Path.of("...")} for {@code Path}, as given
 * (checked) for numbers and booleans, as a Java expression for anything else.
 */
final class Parameters {
  static final String TAG = "parameters";
  static final String INJECTED_TAG = "injected-parameters";
  private static final Pattern DECLARATION =
      Pattern.compile(
          "^\\s*(?:final\\s+)?([\\w.]+(?:<[^=]*>)?(?:\\[\\])*)\\s+(\\w+)\\s*=\\s*(.*)$");

  private Parameters() {}

  /**
   * Removes an earlier injected cell, then injects {@code values} (if any) after the parameters.
   */
  static void inject(NotebookFile nb, Map<String, String> values) {
    for (int i = nb.cells().size() - 1; i >= 0; i--) {
      if (nb.tags(i).contains(INJECTED_TAG)) {
        nb.cells().remove(i);
      }
    }
    if (values.isEmpty()) {
      return;
    }
    int at = parametersCell(nb);
    Map<String, String> types = declaredTypes(nb.source(at));
    StringBuilder source = new StringBuilder("// Parameters given to tokbench notebook run\n");
    for (Map.Entry<String, String> e : values.entrySet()) {
      String type = types.get(e.getKey());
      if (type == null) {
        throw new NotebookFormatException(
            nb.path()
                + ": parameter '"
                + e.getKey()
                + "' is not declared in the parameters cell"
                + " (cell "
                + at
                + "); declared there: "
                + String.join(", ", types.keySet()));
      }
      source.append(e.getKey()).append(" = ").append(literal(type, e.getKey(), e.getValue()));
      source.append(";\n");
    }
    nb.cells().insert(at + 1, cell(source.toString()));
  }

  private static int parametersCell(NotebookFile nb) {
    for (int i = 0; i < nb.cells().size(); i++) {
      if (nb.tags(i).contains(TAG)) {
        return i;
      }
    }
    throw new NotebookFormatException(
        nb.path() + ": has no cell tagged 'parameters', so it takes no -p values");
  }

  /** Variable name to declared type; {@code var} takes the type of a string or number literal. */
  static Map<String, String> declaredTypes(String source) {
    Map<String, String> types = new LinkedHashMap<>();
    for (String line : source.split("\n")) {
      Matcher m = DECLARATION.matcher(line);
      if (m.matches()) {
        String type = m.group(1);
        if (type.equals("var")) {
          type = m.group(3).startsWith("\"") ? "String" : "var";
        }
        types.put(m.group(2), type);
      }
    }
    return types;
  }

  static String literal(String type, String name, String value) {
    switch (type) {
      case "String":
        return quote(value);
      case "Path":
      case "java.nio.file.Path":
        return "Path.of(" + quote(value) + ")";
      case "boolean":
      case "Boolean":
        if (!value.equals("true") && !value.equals("false")) {
          throw bad(name, type, value, "true or false");
        }
        return value;
      case "int", "Integer", "long", "Long", "double", "Double", "float", "Float":
        return number(type, name, value);
      default:
        return value; // any other type: the value is a Java expression
    }
  }

  private static String number(String type, String name, String value) {
    try {
      switch (type) {
        case "int", "Integer" -> Integer.parseInt(value);
        case "long", "Long" -> {
          Long.parseLong(value);
          return value + "L";
        }
        case "float", "Float" -> {
          Float.parseFloat(value);
          return value + "f";
        }
        default -> Double.parseDouble(value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw bad(name, type, value, "a number");
    }
  }

  private static NotebookFormatException bad(String name, String type, String value, String what) {
    return new NotebookFormatException(
        "parameter "
            + name
            + " is "
            + type
            + ", so its value must be "
            + what
            + "; got '"
            + value
            + "'");
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static ObjectNode cell(String source) {
    ObjectNode cell = JsonNodeFactory.instance.objectNode();
    cell.put("cell_type", "code");
    cell.putNull("execution_count");
    cell.put("id", INJECTED_TAG);
    cell.putObject("metadata").putArray("tags").add(INJECTED_TAG);
    cell.putArray("outputs");
    cell.set("source", JupyterJson.lines(source));
    return cell;
  }
}
