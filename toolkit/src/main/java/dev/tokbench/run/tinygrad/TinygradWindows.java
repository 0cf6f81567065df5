package dev.tokbench.run.tinygrad;

import dev.tokbench.energy.EnergyFlag;
import dev.tokbench.energy.Phase;
import dev.tokbench.energy.Segment;
import dev.tokbench.energy.TimedRow;
import dev.tokbench.energy.Window;
import dev.tokbench.formats.tinygrad.TinygradToken;
import dev.tokbench.results.BenchResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a tinygrad row's calls ran, from the times tinygrad prints for each and when its lines
 * arrived (stamped where the pipe is read). The rules:
 *
 * <ul>
 *   <li>llama3.py: each token's {@code total N ms} line is printed as its timer stops, so the token
 *       ran in {@code [arrival - N ms, arrival]}.
 *   <li>the harness, with {@code call_start_ago_ms}: call {@code i} started that long before the
 *       line was written and ran for its own time ({@code call_ms} or {@code token_ms}).
 *   <li>the harness, an older line without it: the calls back to back, the last ending as the line
 *       arrived (flagged {@code back-to-back}: the gaps between calls are not known).
 * </ul>
 *
 * The calls the row counts are its window; the warm-up calls go beside it as {@code warmup_}.
 */
final class TinygradWindows {
  static final String WARMUP = "warmup_";
  static final String PHASE = "phase_";

  private TinygradWindows() {}

  /** llama3.py's row: {@code arrivals[i]} when token {@code i}'s total line came. */
  static Timed llama3(BenchResult row, List<Long> arrivals, List<TinygradToken> tokens) {
    int warm = Integer.parseInt(row.extra().getOrDefault("warmup_tokens", "0"));
    List<Segment> all = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      long nanos = Math.round(tokens.get(i).totalMs() * 1e6);
      all.add(new Segment(Phase.GENERATION, Window.endingAt(arrivals.get(i), nanos), 1));
    }
    return split(row, all, warm, Set.of());
  }

  /** A harness row whose line arrived at {@code arrivalNs}. */
  static Timed harness(BenchResult row, long arrivalNs) {
    Map<String, String> e = row.extra();
    boolean pp = row.nPrompt() > 0;
    List<Double> ms = numbers(pp ? e.get("call_ms") : e.get("token_ms"));
    List<Double> ago = numbers(e.get("call_start_ago_ms"));
    boolean stamped = ago.size() == ms.size();
    Phase phase = pp ? Phase.PROMPT : Phase.GENERATION;
    long tokens = pp ? row.nPrompt() : 1;
    List<Segment> all = new ArrayList<>();
    long end = arrivalNs;
    for (int i = ms.size() - 1; i >= 0; i--) {
      long nanos = Math.round(ms.get(i) * 1e6);
      long start = stamped ? arrivalNs - Math.round(ago.get(i) * 1e6) : end - nanos;
      all.add(0, new Segment(phase, new Window(start, start + nanos), tokens));
      end = start;
    }
    int warm = Integer.parseInt(e.getOrDefault("warmup_calls", "0"));
    return split(row, all, warm, stamped ? Set.of() : EnumSet.of(EnergyFlag.BACK_TO_BACK));
  }

  /** The whole launch of a phase (a BEAM search: compiling, searching and timing), no tokens. */
  static TimedRow launch(String label, long startNs, long endNs) {
    return new TimedRow(
        label, List.of(new Segment(Phase.GENERATION, new Window(startNs, endNs), 0)), Set.of());
  }

  private static Timed split(BenchResult row, List<Segment> all, int warm, Set<EnergyFlag> flags) {
    warm = Math.min(warm, all.size());
    if (all.size() == warm) return Timed.untimed(row);
    TimedRow kept = new TimedRow(row.test(), all.subList(warm, all.size()), flags);
    Map<String, TimedRow> also = new LinkedHashMap<>();
    if (warm > 0) also.put(WARMUP, new TimedRow(row.test(), all.subList(0, warm), flags));
    return new Timed(row, kept, also);
  }

  /** Numbers joined by spaces, with {@code |} between the reps of {@code token_ms}. */
  private static List<Double> numbers(String joined) {
    List<Double> out = new ArrayList<>();
    if (joined == null) return out;
    for (String s : joined.split("[\\s|]+")) if (!s.isEmpty()) out.add(Double.parseDouble(s));
    return out;
  }
}
