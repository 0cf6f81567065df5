package dev.tokbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** A JSON or YAML file that holds one object, read whole, its errors bad input naming the file. */
public final class JsonFiles {
  private JsonFiles() {}

  /**
   * The object in {@code file}, read with {@code mapper} (JSON or YAML).
   *
   * @param format what the file should be, for messages: {@code JSON}, {@code YAML}
   * @param expected what the object should be, said when the file holds something else
   */
  public static JsonNode object(Path file, ObjectMapper mapper, String format, String expected) {
    FileReadException.requireReadable(file);
    try {
      JsonNode root = mapper.readTree(file.toFile());
      if (root == null || !root.isObject()) throw new BadInputException(file + ": " + expected);
      return root;
    } catch (IOException e) {
      throw new BadInputException(file + ": not " + format + ": " + e.getMessage(), e);
    }
  }
}
