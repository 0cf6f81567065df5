package dev.tokbench.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One point of a sweep's matrix: a value for each axis, in axis order.
 *
 * @param values axis name to value
 */
public record SweepPoint(Map<String, String> values) {
  private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

  public SweepPoint {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The value of an axis. */
  public String get(String axis) {
    String v = values.get(axis);
    if (v == null) {
      throw new IllegalArgumentException("no axis '" + axis + "'; the axes are " + values.keySet());
    }
    return v;
  }

  /** {@code model=a.gguf,fa=on}: what the store records to know the point is done. */
  public String key() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /** Replaces each {@code ${axis}} in a template by this point's value. */
  public String fill(String template) {
    Matcher m = VAR.matcher(template);
    StringBuilder b = new StringBuilder();
    while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(get(m.group(1))));
    m.appendTail(b);
    return b.toString();
  }

  @Override
  public String toString() {
    return key();
  }
}
