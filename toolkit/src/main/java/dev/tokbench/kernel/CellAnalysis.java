package dev.tokbench.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Completion, completeness and inspection of a cell with JShell's {@link SourceCodeAnalysis}.
 * JShell analyses one snippet at a time, so the cell is first cut at snippet boundaries (as the
 * evaluator cuts it) and only the snippet under the cursor is analysed. Magic lines ({@code %jars
 * ...}) are not Java: they complete to magic names and count as complete.
 */
final class CellAnalysis {
  private final SourceCodeAnalysis analysis;
  private final Supplier<List<String>> magicNames;
  private final SourceDocs sources;

  CellAnalysis(SourceCodeAnalysis analysis, Supplier<List<String>> magicNames, SourceDocs sources) {
    this.analysis = analysis;
    this.magicNames = magicNames;
    this.sources = sources;
  }

  CellEngine.Completion complete(String cell, int cursor) {
    int lineStart = cell.lastIndexOf('\n', cursor - 1) + 1;
    String line = cell.substring(lineStart, cursor);
    if (line.stripLeading().startsWith("%")) {
      String typed = line.stripLeading().substring(1);
      List<String> names =
          magicNames.get().stream().filter(n -> n.startsWith(typed)).map(n -> "%" + n).toList();
      return new CellEngine.Completion(names, cursor - typed.length() - 1, cursor);
    }
    int start = snippetStart(cell, cursor);
    int[] anchor = new int[1];
    List<String> matches =
        analysis
            .completionSuggestions(cell.substring(start, cursor), cursor - start, anchor)
            .stream()
            .map(SourceCodeAnalysis.Suggestion::continuation)
            .distinct()
            .toList();
    return new CellEngine.Completion(matches, start + anchor[0], cursor);
  }

  String isComplete(String cell) {
    String rest = javaOnly(cell);
    while (!rest.isBlank()) {
      CompletionInfo info = analysis.analyzeCompletion(rest);
      switch (info.completeness()) {
        case DEFINITELY_INCOMPLETE:
        case CONSIDERED_INCOMPLETE:
          return "incomplete";
        case UNKNOWN:
          return "invalid";
        case EMPTY:
          return "complete";
        default:
          rest = info.remaining();
      }
    }
    return "complete";
  }

  /** {@code signature} lines, each followed by the first sentence of its javadoc. */
  Optional<String> inspect(String cell, int cursor) {
    int start = snippetStart(cell, cursor);
    List<SourceCodeAnalysis.Documentation> docs =
        analysis.documentation(cell.substring(start, cursor), cursor - start, true);
    if (docs.isEmpty()) {
      return Optional.empty();
    }
    String snippet = cell.substring(start, cursor);
    return Optional.of(
        docs.stream()
            .map(d -> describe(d, snippet))
            .distinct()
            .collect(Collectors.joining("\n\n")));
  }

  private String describe(SourceCodeAnalysis.Documentation doc, String snippet) {
    String javadoc = doc.javadoc();
    if (javadoc == null || javadoc.isBlank()) {
      // JShell finds only the JDK's src.zip; look in the toolkit's and the -sources.jar files
      javadoc =
          Signature.parse(doc.signature())
              .flatMap(s -> qualified(s.className(), snippet).flatMap(c -> sources.javadoc(c, s)))
              .orElse(null);
    }
    String summary = firstSentence(javadoc);
    return summary.isEmpty() ? doc.signature() : doc.signature() + "\n    " + summary;
  }

  /**
   * The qualified name of a class the cell names: as given if qualified, else as the cells' imports
   * resolve it (JShell's documentation of a type is its qualified name), else as the snippet spells
   * it out ({@code new com.example.Foo(}).
   */
  private Optional<String> qualified(String className, String snippet) {
    if (Character.isLowerCase(className.charAt(0)) && className.contains(".")) {
      return Optional.of(className);
    }
    Optional<String> imported =
        analysis.documentation(className, className.length(), false).stream()
            .map(d -> Signature.eraseTypeArguments(d.signature()).strip())
            .filter(n -> n.endsWith("." + className))
            .findFirst();
    if (imported.isPresent()) {
      return imported;
    }
    var spelled =
        Pattern.compile("((?:[a-z_][\\w]*\\.)+" + Pattern.quote(className) + ")\\b")
            .matcher(snippet);
    return spelled.find() ? Optional.of(spelled.group(1)) : Optional.empty();
  }

  /** The javadoc's summary: its text up to the first ". " or blank line, tags and HTML removed. */
  static String firstSentence(String javadoc) {
    if (javadoc == null) {
      return "";
    }
    String text = javadoc.split("\n\\s*\n|\n\\s*@", 2)[0];
    text = text.replaceAll("<[^>]+>", "").replaceAll("\\{@\\w+\\s+([^}]*)}", "$1");
    text = text.replaceAll("\\s+", " ").strip();
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  /** Where the snippet holding {@code cursor} starts: after the last complete snippet before it. */
  private int snippetStart(String cell, int cursor) {
    int start = cell.lastIndexOf('\n', cursor - 1) + 1;
    int codeStart = 0;
    // magic lines end the Java before them; the snippet starts after the last one
    for (int at = 0; at < start; at = cell.indexOf('\n', at) + 1) {
      if (cell.startsWith("%", at + leadingSpaces(cell, at))) {
        codeStart = cell.indexOf('\n', at) + 1;
      }
      if (cell.indexOf('\n', at) < 0) {
        break;
      }
    }
    int offset = codeStart;
    String rest = cell.substring(codeStart, cursor);
    while (!rest.isBlank()) {
      CompletionInfo info = analysis.analyzeCompletion(rest);
      if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
        break;
      }
      offset += rest.length() - info.remaining().length();
      rest = info.remaining();
    }
    return offset;
  }

  private static int leadingSpaces(String cell, int at) {
    int n = 0;
    while (at + n < cell.length() && (cell.charAt(at + n) == ' ' || cell.charAt(at + n) == '\t')) {
      n++;
    }
    return n;
  }

  private static String javaOnly(String cell) {
    List<String> lines = new ArrayList<>();
    for (String line : cell.split("\n", -1)) {
      lines.add(line.stripLeading().startsWith("%") ? "" : line);
    }
    return String.join("\n", lines);
  }
}
