package dev.tokbench.formats.tinygrad;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exception a Python program died of, from its output: the line after the last {@code Traceback
 * (most recent call last):} that stands at the start of a line ({@code AssertionError: CUDA=1 is
 * deprecated, use DEV=CUDA instead}, or just {@code StopIteration}), with the innermost frame it
 * was raised in ({@code runtime/ops_nv.py:441 in setup_usermode}).
 *
 * @param exception the exception line as printed
 * @param where the innermost frame, {@code file:line in function} (the path's last two parts)
 */
public record PythonTraceback(String exception, String where) {
  private static final Pattern FRAME =
      Pattern.compile("^\\s+File \"([^\"]+)\", line (\\d+), in (.+)$");

  /** The last traceback in {@code lines}, if there is one with its exception line. */
  public static Optional<PythonTraceback> last(List<String> lines) {
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("Traceback (most recent call last):")) start = i;
    }
    if (start < 0) return Optional.empty();
    String where = "";
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = FRAME.matcher(line);
      if (m.matches()) where = shortPath(m.group(1)) + ":" + m.group(2) + " in " + m.group(3);
      else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        return Optional.of(new PythonTraceback(line.strip(), where));
      }
    }
    return Optional.empty();
  }

  private static String shortPath(String path) {
    String[] parts = path.split("/");
    int n = parts.length;
    return n >= 2 ? parts[n - 2] + "/" + parts[n - 1] : path;
  }

  @Override
  public String toString() {
    return exception + (where.isEmpty() ? "" : " (at " + where + ")");
  }
}
