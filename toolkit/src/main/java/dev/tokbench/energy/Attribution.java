package dev.tokbench.energy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a measurement's joules over timed rows. Each segment is measured on its own window and
 * summed, so a row of 100 tokens of 10 ms each, all far shorter than the sample period, is judged
 * short or not by the time its segments add up to, not by each alone. The net figure takes off the
 * idle baseline's mean power over the same time. Overlapping rows are flagged.
 */
final class Attribution {
  private Attribution() {}

  static List<RowEnergy> of(Measurement m, List<TimedRow> rows) {
    double idle = m.idleWatts();
    List<RowEnergy> out = new ArrayList<>();
    Window previous = null;
    for (TimedRow row : rows) {
      Set<EnergyFlag> extra = EnumSet.noneOf(EnergyFlag.class);
      extra.addAll(row.flags());
      if (previous != null && previous.overlaps(row.span())) extra.add(EnergyFlag.OVERLAPS);
      previous = row.span();
      Map<Phase, List<Segment>> byPhase = new LinkedHashMap<>();
      for (Segment s : row.segments())
        byPhase.computeIfAbsent(s.phase(), k -> new ArrayList<>()).add(s);
      Map<Phase, Energy> phases = new EnumMap<>(Phase.class);
      byPhase.forEach((p, segs) -> phases.put(p, energy(m, segs, idle, extra)));
      out.add(new RowEnergy(row.label(), energy(m, row.segments(), idle, extra), phases));
    }
    return out;
  }

  private static Energy energy(
      Measurement m, List<Segment> segments, double idle, Set<EnergyFlag> extra) {
    double seconds = 0;
    double joules = 0;
    double peak = Double.NEGATIVE_INFINITY;
    double periodMs = 0;
    long tokens = 0;
    int samples = 0;
    Set<EnergyFlag> flags = EnumSet.noneOf(EnergyFlag.class);
    for (Segment s : segments) {
      WindowEnergy e = m.energy(s.window());
      seconds += e.seconds();
      joules += e.joules();
      peak = Math.max(peak, e.peakW());
      periodMs = Math.max(periodMs, e.periodMs());
      tokens += s.tokens();
      samples += e.samples();
      flags.addAll(e.flags());
    }
    // judged on the sum: tokens far shorter than a period are fine together
    flags.remove(EnergyFlag.SHORT);
    flags.remove(EnergyFlag.NO_SAMPLE_INSIDE);
    if (!(periodMs > 0) || seconds * 1000 < EnergyFlag.MIN_PERIODS * periodMs)
      flags.add(EnergyFlag.SHORT);
    if (samples == 0) flags.add(EnergyFlag.NO_SAMPLE_INSIDE);
    flags.addAll(extra);
    double net = joules - idle * seconds;
    return new Energy(seconds, joules, net, joules / seconds, peak, idle, tokens, samples, flags);
  }
}
