package dev.tokbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The serving figures of one load level of {@code tokbench serve-bench}, read from a row of the
 * test kind {@code serve} ({@code serve c4}, {@code serve r2}, {@code serve rinf}). A serve row
 * keeps these figures in its {@code extra} under the keys of serve-bench's summary line ({@code
 * ttft_p50_ms}, {@code goodput_req_per_s} …), so that results files, stores and imports carry them
 * like any other field; its tokens/s is the level's output tokens per second.
 *
 * <pre>{@code
 * ServeMetrics.of(row).map(m -> m.ms("ttft", "p99"))
 * }</pre>
 *
 * @param concurrency requests in flight for a closed loop, 0 for an open loop
 * @param rate arrivals per second for an open loop ({@code +Infinity} for {@code inf}), NaN for a
 *     closed loop
 * @param requests requests sent
 * @param completed requests that succeeded
 * @param errors requests that failed
 * @param outputTokPerS output tokens per second over the level
 * @param reqPerS completed requests per second
 * @param goodputReqPerS requests per second that met the SLO; NaN without one
 * @param ttftEach every successful request's TTFT in ms, in the order they finished
 * @param row the row they are read from (its extra holds the latency statistics)
 */
public record ServeMetrics(
    int concurrency,
    double rate,
    int requests,
    int completed,
    int errors,
    double outputTokPerS,
    double reqPerS,
    double goodputReqPerS,
    List<Double> ttftEach,
    BenchResult row) {
  /** What every serve row's test starts with. */
  public static final String TEST_PREFIX = "serve ";

  /** The extra key of the successful requests' TTFTs, ms, separated by spaces. */
  public static final String TTFT_EACH = "ttft_ms_each";

  /** The latency metrics of a summary, as its keys name them. */
  public static final List<String> LATENCIES = List.of("ttft", "tpot", "itl", "e2e");

  public ServeMetrics {
    ttftEach = List.copyOf(ttftEach);
  }

  /** True for a row of the test kind {@code serve}. */
  public static boolean isServe(BenchResult r) {
    return r.test().startsWith(TEST_PREFIX);
  }

  /**
   * {@code serve c4} for a closed loop, {@code serve r2}, {@code serve r0.5}, {@code serve rinf}.
   */
  public static String testName(int concurrency, double rate) {
    if (concurrency > 0) return TEST_PREFIX + "c" + concurrency;
    return TEST_PREFIX + "r" + (Double.isInfinite(rate) ? "inf" : decimal(rate));
  }

  /** The serving figures of a serve row; empty for any other row. */
  public static Optional<ServeMetrics> of(BenchResult r) {
    if (!isServe(r)) return Optional.empty();
    String load = r.test().substring(TEST_PREFIX.length());
    boolean closed = load.startsWith("c");
    double rate = Double.NaN;
    if (!closed) rate = load.equals("rinf") ? Double.POSITIVE_INFINITY : number(load.substring(1));
    return Optional.of(
        new ServeMetrics(
            closed ? (int) number(load.substring(1)) : 0,
            rate,
            count(r, "requests"),
            count(r, "completed"),
            count(r, "errors"),
            r.tokensPerSMean(),
            number(r.extra().get("req_per_s")),
            number(r.extra().get("goodput_req_per_s")),
            numbers(r.extra().getOrDefault(TTFT_EACH, "")),
            r));
  }

  /** True for a closed loop (a concurrency), false for an open loop (a rate). */
  public boolean closedLoop() {
    return concurrency > 0;
  }

  /** {@code concurrency 4}, {@code rate 2/s}, {@code rate inf}: serve-bench's level label. */
  public String load() {
    if (closedLoop()) return "concurrency " + concurrency;
    return Double.isInfinite(rate) ? "rate inf" : "rate " + decimal(rate) + "/s";
  }

  /**
   * A latency statistic in ms: {@code metric} one of {@link #LATENCIES}, {@code stat} one of {@code
   * mean}, {@code std}, {@code p50}, {@code p90}, {@code p99}, {@code max}; NaN when the level has
   * none (no successful request, no gaps).
   */
  public double ms(String metric, String stat) {
    return number(row.extra().get(metric + "_" + stat + "_ms"));
  }

  /** {@code 2} for 2.0, {@code 0.5} as it is: a number as the command line gave it. */
  public static String decimal(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static int count(BenchResult r, String key) {
    double v = number(r.extra().get(key));
    return Double.isNaN(v) ? 0 : (int) v;
  }

  private static double number(String s) {
    if (s == null || s.isBlank()) return Double.NaN;
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static List<Double> numbers(String text) {
    List<Double> out = new ArrayList<>();
    for (String s : text.strip().split("\\s+")) {
      double v = number(s);
      if (!Double.isNaN(v)) out.add(v);
    }
    return out;
  }

  /** The values as {@link #TTFT_EACH} holds them: shortest decimal form, spaces between. */
  public static String joined(List<Double> values) {
    StringBuilder b = new StringBuilder();
    for (double v : values) {
      if (b.length() > 0) b.append(' ');
      b.append(decimal(v));
    }
    return b.toString();
  }
}
