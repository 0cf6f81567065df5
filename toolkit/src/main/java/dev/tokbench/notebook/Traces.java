package dev.tokbench.notebook;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jshell.EvalException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns an exception thrown by cell code into a {@link CellError} whose stack trace names cells and
 * lines ({@code at greet(cell 2, line 3)}) instead of JShell's wrapper classes ({@code
 * REPL.$JShell$12.greet(#12:3)}), and ends where the cell's code was called from.
 */
final class Traces {
  private Traces() {}

  static CellError error(
      CellError.Kind kind, Throwable t, Map<String, Evaluator.SnippetPlace> places) {
    String name = name(t);
    String message = message(t);
    List<String> lines = new ArrayList<>();
    lines.add(message.isEmpty() ? name : name + ": " + message);
    frames(t, places, lines);
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable c = t.getCause(); c != null && seen.put(c, true) == null; c = c.getCause()) {
      lines.add("Caused by: " + name(c) + (message(c).isEmpty() ? "" : ": " + message(c)));
      frames(c, places, lines);
    }
    return new CellError(kind, name, message, lines);
  }

  private static String message(Throwable t) {
    if (t instanceof UnresolvedReferenceException u) {
      return "'"
          + u.getSnippet().source().lines().findFirst().orElse("").strip()
          + "' cannot be used until what it refers to is declared";
    }
    return t.getMessage() == null ? "" : t.getMessage();
  }

  private static String name(Throwable t) {
    return t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName();
  }

  private static void frames(
      Throwable t, Map<String, Evaluator.SnippetPlace> places, List<String> lines) {
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().equals(CellControl.class.getName())
          || e.getClassName().startsWith("jdk.internal.reflect.")) {
        return; // below here is JShell calling the cell
      }
      if (e.getClassName().equals(CellExit.class.getName())) {
        continue; // the System.exit trap is an implementation detail
      }
      lines.add("\tat " + frame(e, places));
    }
  }

  static String frame(StackTraceElement e, Map<String, Evaluator.SnippetPlace> places) {
    String file = e.getFileName() == null ? "" : e.getFileName();
    if (!file.startsWith("#")) { // JShell names a snippet's frames "#id:line", class ""
      return e.toString();
    }
    Evaluator.SnippetPlace place = places.get(file.substring(1));
    String method = e.getMethodName().startsWith("do_it$") ? "" : e.getMethodName();
    String where =
        place == null
            ? "cell code"
            : "cell "
                + place.cell()
                + ", line "
                + (place.line() + Math.max(1, e.getLineNumber()) - 1);
    return method.isEmpty() ? where : method + "(" + where + ")";
  }
}
