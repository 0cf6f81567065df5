package dev.tokbench.results;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a benchmark row holds a measurement, and if not, why not: {@code oom} when the
 * configuration did not fit in memory (a table can say "does not fit"), {@code hung} when the
 * process went silent and idle and was killed, {@code failed} for any other failure (a crash, an
 * error, a timeout of a run that was still working).
 */
public enum Status {
  OK,
  FAILED,
  NOT_INSTALLED,
  OOM,
  HUNG;

  /**
   * The spelling used in CSV and JSON files: {@code ok}, {@code failed}, {@code not-installed},
   * {@code oom}, {@code hung}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a label as written by {@link #label()}, case-insensitively. */
  public static Status parse(String text) {
    for (Status s : values()) {
      if (s.label().equalsIgnoreCase(text.trim())) return s;
    }
    throw new IllegalArgumentException(
        "unknown status '"
            + text
            + "', expected one of "
            + Arrays.stream(values()).map(Status::label).collect(Collectors.joining(", ")));
  }
}
