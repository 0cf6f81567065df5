package dev.tokbench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Jackson as every tokbench reader uses it: parsers bounded by a reader's {@link ReadLimits}
 * ({@link StreamReadConstraints}: nesting, string, key and document length), and errors placed at a
 * line even where Jackson gives none (a constraint that trips has no location; the parser still
 * knows where it stands). A limit that trips is an {@link InputLimitException} naming the limit.
 */
public final class JsonInput {
  private static final Map<ReadLimits, ObjectMapper> MAPPERS = new ConcurrentHashMap<>();
  // Jackson's words for each constraint: "Document nesting depth (101) exceeds the maximum allowed
  // (100, from `StreamReadConstraints.getMaxNestingDepth()`)"
  private static final Pattern CONSTRAINT =
      Pattern.compile(
          "^(Document nesting depth|String value length|Name length|Number value length"
              + "|Document length) \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

  private JsonInput() {}

  /** Makes the error a reader throws for malformed input at a line (its own exception type). */
  @FunctionalInterface
  public interface LineError {
    BadInputException at(long line, String message, Throwable cause);
  }

  /** An ObjectMapper whose parsers keep to {@code limits} (one per limits, shared: immutable). */
  public static ObjectMapper mapper(ReadLimits limits) {
    return MAPPERS.computeIfAbsent(limits, l -> new ObjectMapper(factory(l)));
  }

  /** Jackson's constraints for {@code limits}. */
  public static StreamReadConstraints constraints(ReadLimits limits) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxNesting())
        .maxStringLength(limits.maxFieldChars())
        .maxNameLength(limits.maxFieldChars())
        .maxDocumentLength(limits.maxBytes())
        .build();
  }

  private static JsonFactory factory(ReadLimits limits) {
    return JsonFactory.builder().streamReadConstraints(constraints(limits)).build();
  }

  /**
   * A YAML factory within {@code limits}: Jackson's constraints, and SnakeYAML's own {@link
   * LoaderOptions} (nesting, document size, no recursive keys, at most {@code maxItems} aliases).
   * Jackson does not expand aliases (it reads {@code *x} as the text {@code x}); readers that care
   * refuse them (see {@code KeyLines}).
   */
  public static YAMLFactory yaml(ReadLimits limits) {
    LoaderOptions snake = new LoaderOptions();
    snake.setNestingDepthLimit(limits.maxNesting());
    snake.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
    snake.setMaxAliasesForCollections(Math.max(1, limits.maxItems()));
    snake.setAllowRecursiveKeys(false);
    return YAMLFactory.builder()
        .loaderOptions(snake)
        .streamReadConstraints(constraints(limits))
        .build();
  }

  /**
   * The JSON tree of {@code text}: malformed JSON is {@code error}'s exception at its line; a limit
   * exceeded is an {@link InputLimitException}.
   */
  public static JsonNode tree(ReadLimits limits, String text, String source, LineError error) {
    ObjectMapper m = mapper(limits);
    try (JsonParser p = m.createParser(text)) {
      try {
        JsonNode node = m.readTree(p);
        if (p.nextToken() != null) {
          throw error.at(line(null, p), "more after the JSON value ends", null);
        }
        return node;
      } catch (JsonProcessingException e) {
        throw failure(limits, source, e, p, error);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String fails only as above
    }
  }

  /**
   * The exception for Jackson's {@code e} from parser {@code p}: a limit's, else {@code error}'s
   * with Jackson's message, placed at its line.
   */
  public static BadInputException failure(
      ReadLimits limits, String source, JsonProcessingException e, JsonParser p, LineError error) {
    return failure(limits, source, line(e, p), e, error);
  }

  /**
   * As {@link #failure(ReadLimits, String, JsonProcessingException, JsonParser, LineError)}, at a
   * line the caller knows (one JSON value per line).
   */
  public static BadInputException failure(
      ReadLimits limits, String source, long line, JsonProcessingException e, LineError error) {
    if (e instanceof StreamConstraintsException) {
      return limit(limits, source, line, e.getOriginalMessage());
    }
    return error.at(line, "malformed JSON: " + abbreviate(e.getOriginalMessage()), e);
  }

  /** The 1-based line of an error: Jackson's own location, else where the parser stands, else 1. */
  public static long line(JsonProcessingException e, JsonParser p) {
    JsonLocation at = e == null ? null : e.getLocation();
    if ((at == null || at.getLineNr() < 1) && p != null) at = p.currentLocation();
    return at == null || at.getLineNr() < 1 ? 1 : at.getLineNr();
  }

  private static InputLimitException limit(
      ReadLimits limits, String source, long line, String jackson) {
    Matcher m = CONSTRAINT.matcher(jackson == null ? "" : jackson);
    if (!m.find()) return limits.exceeded(source, line, abbreviate(jackson), "less");
    String limit = ReadLimits.number(Long.parseLong(m.group(3)));
    return switch (m.group(1)) {
      case "Document nesting depth" ->
          limits.exceeded(
              source, line, "nesting deeper than " + limit + " levels", limit + " levels");
      case "String value length", "Name length" ->
          limits.exceeded(
              source,
              line,
              "a string of more than " + limit + " characters",
              "strings of at most " + limit + " characters");
      case "Number value length" ->
          limits.exceeded(
              source,
              line,
              "a number of more than " + limit + " digits",
              "numbers of at most " + limit + " digits");
      default ->
          limits.exceeded(
              source, line, "more than " + limit + " bytes", "at most " + limit + " bytes");
    };
  }

  /** Jackson quotes the input it stopped at; a message quotes at most 200 characters of it. */
  public static String abbreviate(String s) {
    if (s == null) return "";
    String t = s.strip();
    return t.length() > 200 ? t.substring(0, 197) + "..." : t;
  }
}
