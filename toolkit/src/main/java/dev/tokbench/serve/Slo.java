package dev.tokbench.serve;

import dev.tokbench.BadInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Service-level objectives for goodput, as {@code vllm bench serve --goodput ttft:200 tpot:50}
 * means them: a request is good when it succeeded and each given latency is at most its bound.
 * Written {@code ttft=200ms,tpot=50ms,e2e=2s} (units ms or s; {@code e2el} is accepted for e2e).
 * NaN means no bound.
 *
 * @param ttftMs bound on the time to first (content) token
 * @param tpotMs bound on the time per output token; requests of one token count as 0, as in vLLM
 * @param e2eMs bound on the end-to-end latency
 */
public record Slo(double ttftMs, double tpotMs, double e2eMs) {
  private static final Pattern PART =
      Pattern.compile("(ttft|tpot|e2el?)\\s*[=:]\\s*([0-9.]+)\\s*(ms|s)?");

  public static final Slo NONE = new Slo(Double.NaN, Double.NaN, Double.NaN);

  public Slo {
    for (double v : new double[] {ttftMs, tpotMs, e2eMs})
      if (v < 0) throw new IllegalArgumentException("SLO bounds must be >= 0, got " + v);
  }

  /** Parses {@code ttft=200ms,tpot=50ms}. */
  public static Slo parse(String text) {
    double[] v = {Double.NaN, Double.NaN, Double.NaN};
    for (String part : text.split(",")) {
      if (part.isBlank()) continue;
      Matcher m = PART.matcher(part.trim().toLowerCase(Locale.ROOT));
      if (!m.matches())
        throw new BadInputException(
            "--slo wants ttft=, tpot= or e2e= with a time in ms or s (ttft=200ms,tpot=50ms), got '"
                + part.trim()
                + "'");
      double ms = Double.parseDouble(m.group(2)) * ("s".equals(m.group(3)) ? 1000 : 1);
      v[m.group(1).equals("ttft") ? 0 : m.group(1).equals("tpot") ? 1 : 2] = ms;
    }
    return new Slo(v[0], v[1], v[2]);
  }

  public boolean isEmpty() {
    return Double.isNaN(ttftMs) && Double.isNaN(tpotMs) && Double.isNaN(e2eMs);
  }

  /** Whether a request meets every bound (failed requests never do). */
  public boolean isMetBy(RequestRecord r) {
    if (!r.ok()) return false;
    double tpot = r.outputTokenCount() > 1 ? r.tpotMs() : 0; // vLLM: tpot 0 for one token
    return within(r.ttftMs(), ttftMs) && within(tpot, tpotMs) && within(r.e2eMs(), e2eMs);
  }

  private static boolean within(double value, double bound) {
    return Double.isNaN(bound) || value <= bound;
  }

  /** The bounds given, ms, for the JSONL: {@code {ttft_ms: 200, tpot_ms: 50}}. */
  public Map<String, Double> bounds() {
    Map<String, Double> m = new LinkedHashMap<>();
    if (!Double.isNaN(ttftMs)) m.put("ttft_ms", ttftMs);
    if (!Double.isNaN(tpotMs)) m.put("tpot_ms", tpotMs);
    if (!Double.isNaN(e2eMs)) m.put("e2e_ms", e2eMs);
    return m;
  }

  @Override
  public String toString() {
    return isEmpty() ? "no SLO" : bounds().toString();
  }
}
