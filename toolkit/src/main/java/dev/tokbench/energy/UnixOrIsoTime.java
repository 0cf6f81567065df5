package dev.tokbench.energy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A moment as a user types it for {@code --from}/{@code --to}: Unix time in seconds with any
 * fraction ({@code 1795579748.910363}, as {@code date +%s.%N} prints), in milliseconds with an
 * {@code ms} suffix ({@code 1795579748910ms}, as {@code date +%s%3N} prints, plus the suffix), or
 * ISO-8601 with a zone ({@code 2026-11-25T04:09:08.91Z}) or without one (then in the trace's zone).
 * A bare number is always seconds: guessing milliseconds from its size would misread a typo.
 */
public final class UnixOrIsoTime {
  private UnixOrIsoTime() {}

  public static Instant parse(String text, ZoneId zone) {
    String t = text.trim();
    try {
      if (t.endsWith("ms"))
        return Instant.ofEpochMilli(Long.parseLong(t.substring(0, t.length() - 2)));
      if (t.matches("[0-9]+(\\.[0-9]+)?s?"))
        return seconds(t.endsWith("s") ? t.substring(0, t.length() - 1) : t);
      if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$"))
        return OffsetDateTime.parse(t).toInstant();
      return LocalDateTime.parse(t).atZone(zone).toInstant();
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a time: give Unix seconds (1795579748.91), milliseconds"
              + " (1795579748910ms) or ISO-8601 (2026-11-25T04:09:08.91Z)");
    }
  }

  private static Instant seconds(String s) {
    BigDecimal d = new BigDecimal(s);
    long whole = d.longValue();
    return Instant.ofEpochSecond(
        whole, d.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
  }
}
