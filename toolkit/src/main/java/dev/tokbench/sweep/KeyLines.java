package dev.tokbench.sweep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.tokbench.BadLineException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key of a YAML or JSON file stands: its JSON pointer ({@code /run/timeout_s}) to its
 * 1-based line, so that a message about a key can name the line. Jackson's trees keep no locations;
 * a second pass of its streaming parser does.
 */
final class KeyLines {
  private final Map<String, Integer> lines;

  private KeyLines(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /**
   * Reads {@code text} (of {@code file}) with {@code mapper}'s parser; text it cannot parse gives
   * no lines (the tree reader reports it). A YAML alias is refused here, at its line.
   */
  static KeyLines of(Path file, String text, ObjectMapper mapper) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = mapper.getFactory().createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME) {
          lines.put(p.getParsingContext().pathAsPointer().toString(), lineOf(p));
        }
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
          throw new BadLineException(
              file.toString(),
              lineOf(p),
              "YAML aliases (*name) are not supported: write the value out",
              null);
        }
      }
    } catch (IOException e) {
      // reported by the tree reader, with Jackson's own location
    }
    return new KeyLines(lines);
  }

  private static int lineOf(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  /** The line of the key at {@code pointer}, or 1 when it is not known. */
  int line(String pointer) {
    return lines.getOrDefault(pointer, 1);
  }
}
