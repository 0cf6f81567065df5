package dev.tokbench.serve;

import dev.tokbench.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One load level: a closed loop of {@code concurrency} requests in flight (each finished request is
 * replaced at once, like {@code vllm bench serve --max-concurrency N --request-rate inf}), or an
 * open loop of Poisson arrivals at {@code rate} requests per second, however many are in flight
 * ({@code --request-rate R}); an infinite rate sends every request at once.
 *
 * @param concurrency requests in flight; 0 for an open loop
 * @param rate arrivals per second for an open loop (may be infinite); NaN for a closed loop
 */
public record Level(int concurrency, double rate) {
  public Level {
    boolean closed = concurrency > 0 && Double.isNaN(rate);
    boolean open = concurrency == 0 && rate > 0;
    if (!closed && !open)
      throw new IllegalArgumentException(
          "a level is a concurrency >= 1 or a rate > 0 (or inf), got concurrency "
              + concurrency
              + ", rate "
              + rate);
  }

  public static Level concurrency(int n) {
    return new Level(n, Double.NaN);
  }

  public static Level rate(double perSecond) {
    return new Level(0, perSecond);
  }

  public boolean isOpenLoop() {
    return concurrency == 0;
  }

  /** {@code 1,4,16} as closed-loop levels. */
  public static List<Level> concurrencies(String csv) {
    return parse(csv, "--concurrency", "whole numbers >= 1", s -> concurrency(Integer.parseInt(s)));
  }

  /** {@code 2,8,inf} as open-loop levels, requests per second. */
  public static List<Level> rates(String csv) {
    return parse(
        csv,
        "--rate",
        "requests per second > 0 or inf",
        s -> rate(s.equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(s)));
  }

  /**
   * The levels of {@code --concurrency} then {@code --rate} (either may be null); concurrency 1
   * when neither is given.
   */
  public static List<Level> of(String concurrencyCsv, String rateCsv) {
    List<Level> out = new ArrayList<>();
    if (concurrencyCsv != null) out.addAll(concurrencies(concurrencyCsv));
    if (rateCsv != null) out.addAll(rates(rateCsv));
    if (out.isEmpty()) out.add(concurrency(1));
    return out;
  }

  /** Each comma-separated value of {@code option} as a level; a bad one names what it wants. */
  private static List<Level> parse(
      String csv, String option, String wants, java.util.function.Function<String, Level> level) {
    List<Level> out = new ArrayList<>();
    for (String s : items(csv, option)) {
      try {
        out.add(level.apply(s));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(
            option + " wants " + wants + " separated by commas, got '" + s + "' in '" + csv + "'");
      }
    }
    return out;
  }

  private static List<String> items(String csv, String option) {
    List<String> out = new ArrayList<>();
    for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.trim());
    if (out.isEmpty())
      throw new BadInputException(option + " needs at least one value, got '" + csv + "'");
    return out;
  }

  /** {@code concurrency 4}, {@code rate 2/s}, {@code rate inf}. */
  public String label() {
    if (!isOpenLoop()) return "concurrency " + concurrency;
    if (Double.isInfinite(rate)) return "rate inf";
    return "rate " + String.format(Locale.ROOT, "%s", rateText()) + "/s";
  }

  /** The rate as given: {@code 2}, {@code 0.5}, {@code inf}. */
  public String rateText() {
    if (Double.isInfinite(rate)) return "inf";
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }

  @Override
  public String toString() {
    return label();
  }
}
