package dev.tokbench.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One point of a sweep's matrix: a value for each axis, in axis order, and a digest of what the run
 * block makes of them (framework, arguments, environment, options), so that a point measured under
 * other settings is not taken for done.
 *
 * @param values axis name to value
 * @param run the digest of the point's run settings; empty where the sweep has none (one made in
 *     code with its own runner)
 */
public record SweepPoint(Map<String, String> values, String run) {
  static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

  public SweepPoint {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    run = run == null ? "" : run;
  }

  /** A point of these axis values, with no run digest. */
  public SweepPoint(Map<String, String> values) {
    this(values, "");
  }

  /** This point with the digest of its run settings. */
  public SweepPoint withRun(String digest) {
    return new SweepPoint(values, digest);
  }

  /** The value of an axis. */
  public String get(String axis) {
    String v = values.get(axis);
    if (v == null) {
      throw new IllegalArgumentException("no axis '" + axis + "'; the axes are " + values.keySet());
    }
    return v;
  }

  /**
   * {@code model=a.gguf,fa=on run=3f2a9c01}: what the store records to know the point is done; the
   * axis values alone ({@link #axisKey}) where there is no run digest.
   */
  public String key() {
    return run.isEmpty() ? axisKey() : axisKey() + " run=" + run;
  }

  /** {@code model=a.gguf,fa=on}: the axis values, without the run digest. */
  public String axisKey() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /** The axis part of a stored {@link #key}. */
  static String axisKeyOf(String key) {
    int i = key.lastIndexOf(" run=");
    return i < 0 ? key : key.substring(0, i);
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
