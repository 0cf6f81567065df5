package dev.tokbench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A JSON or YAML file that holds one object, read whole within a reader's {@link ReadLimits}: its
 * errors are bad input naming the file and the line ({@code file:line: not JSON: why}), a limit
 * exceeded an {@link InputLimitException} naming the limit.
 */
public final class JsonFiles {
  private JsonFiles() {}

  /**
   * The object in {@code file}, read with {@code mapper} (JSON or YAML, made with {@code limits}'
   * constraints: {@link JsonInput#mapper} or {@link JsonInput#yaml}).
   *
   * @param format what the file should be, for messages: {@code JSON}, {@code YAML}
   * @param expected what the object should be, said when the file holds something else
   */
  public static JsonNode object(
      Path file, ObjectMapper mapper, ReadLimits limits, String format, String expected) {
    return object(limits.read(file), file.toString(), mapper, limits, format, expected);
  }

  /** As {@link #object(Path, ObjectMapper, ReadLimits, String, String)}, of text already read. */
  public static JsonNode object(
      String text,
      String source,
      ObjectMapper mapper,
      ReadLimits limits,
      String format,
      String expected) {
    try (JsonParser p = mapper.createParser(text)) {
      JsonNode root;
      try {
        root = mapper.readTree(p);
      } catch (JsonProcessingException e) {
        throw JsonInput.failure(
            limits,
            source,
            e,
            p,
            (line, problem, cause) ->
                new BadLineException(
                    source,
                    line,
                    "not " + format + ": " + problem.replaceFirst("^malformed JSON: ", ""),
                    cause));
      }
      if (root == null || !root.isObject()) throw new BadInputException(source + ": " + expected);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String fails only as above
    }
  }
}
