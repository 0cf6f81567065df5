package dev.tokbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tokbench.DataFileException;
import dev.tokbench.FileReadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The words of a report that are not figures, from a data folder's {@code report.yaml}: the title,
 * the facts under it (platform, software, commits), the prose of each section, the reproduction
 * commands and the next steps. Each passage names the claims ({@code claims.md} ids) whose verdicts
 * are printed beside it. A folder without the file gets an empty text: its report has the computed
 * sections only.
 *
 * @param title the report's title; empty for the default
 * @param header the lines under the title (the bandwidth line is added from {@code device.csv})
 * @param summary the Executive Summary's passages, above its table
 * @param frameworks facts and observations per framework ({@code tinygrad}, {@code llama.cpp})
 * @param notBenchmarked section 3: passages per framework of {@code frameworks.csv}, then parts
 * @param analysis section 5's parts, in order
 * @param reproduction section 6's parts
 * @param models passages above the model inventory
 * @param nextSteps section 8's passages
 */
public record ReportText(
    String title,
    Passage header,
    List<Passage> summary,
    Map<String, FrameworkText> frameworks,
    NotBenchmarked notBenchmarked,
    List<Part> analysis,
    List<Part> reproduction,
    List<Passage> models,
    List<Passage> nextSteps) {
  /** The file in a data folder. */
  public static final String FILE = "report.yaml";

  public ReportText {
    title = Objects.requireNonNullElse(title, "");
    summary = list(summary);
    frameworks = frameworks == null ? Map.of() : Map.copyOf(frameworks);
    notBenchmarked =
        Objects.requireNonNullElse(notBenchmarked, new NotBenchmarked(Map.of(), List.of()));
    analysis = list(analysis);
    reproduction = list(reproduction);
    models = list(models);
    nextSteps = list(nextSteps);
  }

  /**
   * One passage of prose, as Markdown (a paragraph, a list item, a list, a fenced block).
   *
   * @param text the Markdown, without its last newline
   * @param claims ids of the claims whose verdicts follow it
   */
  public record Passage(String text, List<String> claims) {
    public Passage {
      text = Objects.requireNonNullElse(text, "").stripTrailing();
      claims = list(claims);
    }
  }

  /**
   * A {@code ###} part of a section.
   *
   * @param heading its heading
   * @param table a computed table shown first (e.g. {@code bandwidth}); empty for none
   * @param rows the rows of that table to show, each by its first cells; empty for all
   * @param claims ids of claims about the part as a whole, their verdicts after the heading
   * @param passages the prose after the table
   */
  public record Part(
      String heading,
      String table,
      List<List<String>> rows,
      List<String> claims,
      List<Passage> passages) {
    public Part {
      heading = Objects.requireNonNullElse(heading, "");
      table = Objects.requireNonNullElse(table, "");
      rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
      claims = list(claims);
      passages = list(passages);
    }
  }

  /**
   * Facts under a framework's heading and observations after its tables.
   *
   * @param facts passages under the heading (branch, commit, binary, options)
   * @param observations the {@code ### Observations} passages
   */
  public record FrameworkText(List<Passage> facts, List<Passage> observations) {
    public FrameworkText {
      facts = list(facts);
      observations = list(observations);
    }
  }

  /**
   * Section 3: the frameworks that were not benchmarked.
   *
   * @param frameworks passages per framework key of {@code frameworks.csv}
   * @param parts parts after them (e.g. a recommendation)
   */
  public record NotBenchmarked(Map<String, List<Passage>> frameworks, List<Part> parts) {
    public NotBenchmarked {
      frameworks = frameworks == null ? Map.of() : Map.copyOf(frameworks);
      parts = list(parts);
    }
  }

  /** The text of a folder without {@code report.yaml}. */
  public static ReportText empty() {
    return new ReportText(null, null, null, null, null, null, null, null, null);
  }

  /** The folder's {@code report.yaml}, or {@link #empty()} when it has none. */
  public static ReportText read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) return empty();
    try {
      ReportText t = mapper().readValue(Files.readString(file), ReportText.class);
      return t == null ? empty() : t;
    } catch (UnrecognizedPropertyException e) {
      throw new DataFileException(
          file.toString(),
          e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
          "unknown key '" + e.getPropertyName() + "'; known keys: " + e.getKnownPropertyIds());
    } catch (JsonProcessingException e) {
      throw new DataFileException(
          file.toString(),
          e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
          e.getOriginalMessage());
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    }
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper(new YAMLFactory())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  /** Facts and observations of a framework ({@code tinygrad}), empty when the file has none. */
  public FrameworkText framework(String key) {
    return frameworks.getOrDefault(key, new FrameworkText(List.of(), List.of()));
  }

  /** The analysis part placing the computed table {@code name}, if any. */
  public Optional<Part> analysisPartOf(String name) {
    return analysis.stream().filter(p -> p.table().equals(name)).findFirst();
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : List.copyOf(l);
  }
}
