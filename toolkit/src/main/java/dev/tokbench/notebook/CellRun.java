package dev.tokbench.notebook;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * One evaluation of a cell's text: runs its magic lines and code in order, the code split into
 * JShell snippets with {@code analyzeCompletion}, and stops at the first failure.
 */
final class CellRun {
  private final Evaluator ev;
  private final JShell jshell;
  private final CellSource source;
  private final CellListener listener;
  private boolean hasValue;
  private Object value;

  CellRun(Evaluator ev, String cell, CellListener listener) {
    this.ev = ev;
    this.jshell = ev.jshell();
    this.source = new CellSource(cell);
    this.listener = listener;
  }

  CellResult run() {
    try {
      for (CellSource.Part part : source.parts()) {
        hasValue = false;
        CellError error =
            part.magic() != null ? runMagic(part) : runCode(part.text(), part.offset());
        if (error != null) {
          return CellResult.failed(error);
        }
      }
      return hasValue ? CellResult.of(ev.render(value), value) : CellResult.of(null, null);
    } catch (RuntimeException e) {
      return CellResult.failed(Traces.error(CellError.Kind.EXCEPTION, e, ev.places()));
    }
  }

  private CellError runMagic(CellSource.Part part) {
    String where = "cell line " + source.line(part.offset()) + ": ";
    try {
      value = ev.magics().get(part.magic()).run(ev, part.text(), listener);
      hasValue = value != null;
      return null;
    } catch (MagicException e) {
      return CellError.of(CellError.Kind.MAGIC, "MagicException", where + e.getMessage());
    } catch (Exception e) {
      return Traces.error(CellError.Kind.MAGIC, e, ev.places());
    }
  }

  private CellError runCode(String code, int offset) {
    String rest = code;
    int at = offset;
    while (!rest.isBlank()) {
      if (ev.stopping()) {
        return null; // the evaluator reports why
      }
      CompletionInfo info = jshell.sourceCodeAnalysis().analyzeCompletion(rest);
      if (info.completeness() == Completeness.EMPTY) {
        return null;
      }
      if (info.completeness() == Completeness.DEFINITELY_INCOMPLETE) {
        return incomplete(rest, at);
      }
      String snippet = info.source() == null ? rest : info.source();
      String remaining = info.source() == null ? "" : info.remaining();
      String consumed = rest.substring(0, rest.length() - remaining.length());
      int start = at + CellSource.offsetOf(snippet, consumed);
      CellError error = evalSnippet(snippet, start, consumed);
      if (error != null) {
        return error;
      }
      at += consumed.length();
      rest = remaining;
    }
    return null;
  }

  private CellError evalSnippet(String snippet, int start, String consumed) {
    CellControl.Call before = ev.control().last();
    List<SnippetEvent> events = jshell.eval(snippet);
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue; // a dependent snippet updated as a consequence
      }
      Snippet s = event.snippet();
      // stack frames count lines from the snippet's first non-blank character
      int firstLine = source.line(start + snippet.length() - snippet.stripLeading().length());
      ev.places().put(s.id(), new Evaluator.SnippetPlace(ev.cellNumber(), firstLine));
      if (event.status() == Snippet.Status.REJECTED) {
        return compileError(s, start);
      }
      CellControl.Call call = ev.control().last();
      if (event.exception() != null) {
        // JShell's EvalException has frames mapped to snippets (#id:line), the real one has not
        return Traces.error(CellError.Kind.EXCEPTION, event.exception(), ev.places());
      }
      if (isExpression(s) && call != before && !consumed.stripTrailing().endsWith(";")) {
        hasValue = true;
        value = call.result;
      }
    }
    return null;
  }

  private static boolean isExpression(Snippet s) {
    return switch (s.subKind()) {
      case TEMP_VAR_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND -> true;
      default -> false;
    };
  }

  private CellError compileError(Snippet s, int start) {
    List<Diag> errors = jshell.diagnostics(s).filter(Diag::isError).collect(Collectors.toList());
    if (errors.isEmpty()) {
      return CellError.of(
          CellError.Kind.COMPILATION, "CompilationError", "rejected: " + s.source());
    }
    List<String> lines = new java.util.ArrayList<>();
    for (Diag d : errors) {
      int pos = start + (int) Math.max(0, d.getPosition());
      lines.add(source.lineAndColumn(pos) + ": " + message(d));
      lines.add("    " + source.lineText(pos));
      lines.add("    " + " ".repeat(source.column(pos) - 1) + "^");
    }
    String first = lines.get(0);
    List<String> traceback = new java.util.ArrayList<>();
    traceback.add("CompilationError: " + first);
    traceback.addAll(lines.subList(1, lines.size()));
    return new CellError(CellError.Kind.COMPILATION, "CompilationError", first, traceback);
  }

  /** The diagnostic's text without JShell's wrapper class names. */
  private static String message(Diag d) {
    return d.getMessage(Locale.ROOT)
        .lines()
        .filter(l -> !l.contains("$JShell$") && !l.strip().equals("location: class"))
        .map(String::stripTrailing)
        .collect(Collectors.joining(" "))
        .replaceAll("\\s+", " ");
  }

  private CellError incomplete(String rest, int at) {
    int pos = at + (rest.length() - rest.stripLeading().length());
    return CellError.of(
        CellError.Kind.INCOMPLETE,
        "CompilationError",
        source.lineAndColumn(pos)
            + ": the code from here is incomplete (a missing '}', ')' or ';'?)");
  }
}
