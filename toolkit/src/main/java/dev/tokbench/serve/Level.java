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
    List<Level> out = new ArrayList<>();
    for (String s : items(csv, "--concurrency")) {
      try {
        out.add(concurrency(Integer.parseInt(s)));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(
            "--concurrency wants whole numbers >= 1 separated by commas, got '"
                + s
                + "' in '"
                + csv
                + "'");
      }
    }
    return out;
  }

  /** {@code 2,8,inf} as open-loop levels, requests per second. */
  public static List<Level> rates(String csv) {
    List<Level> out = new ArrayList<>();
    for (String s : items(csv, "--rate")) {
      try {
        out.add(rate(s.equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(s)));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(
            "--rate wants requests per second > 0 or inf, separated by commas, got '"
                + s
                + "' in '"
                + csv
                + "'");
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
