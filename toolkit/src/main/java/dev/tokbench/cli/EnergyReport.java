package dev.tokbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.energy.ChannelEnergy;
import dev.tokbench.energy.EnergyFlag;
import dev.tokbench.energy.WindowEnergy;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;

/** How the energy commands print a window's energy: text for people, JSON for scripts. */
final class EnergyReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EnergyReport() {}

  /** How the joules were obtained, over the channels in the total. */
  static String method(WindowEnergy e) {
    boolean counters =
        e.channels().stream().filter(ChannelEnergy::inTotal).allMatch(ChannelEnergy::counter);
    boolean powers =
        e.channels().stream().filter(ChannelEnergy::inTotal).noneMatch(ChannelEnergy::counter);
    if (counters) return "energy counter difference";
    return powers ? "trapezoidal integration of power samples" : "counter difference and trapezoid";
  }

  static void text(PrintWriter out, String what, WindowEnergy e, Instant from, Instant to) {
    out.println(what);
    out.println("window: " + from + " .. " + to);
    out.printf(Locale.ROOT, "samples: %d%n", e.samples());
    out.printf(Locale.ROOT, "duration_s: %.3f%n", e.seconds());
    out.printf(Locale.ROOT, "mean_w: %.2f%n", e.meanW());
    out.printf(Locale.ROOT, "peak_w: %.2f%n", e.peakW());
    out.printf(Locale.ROOT, "joules: %.1f (%s)%n", e.joules(), method(e));
    if (e.channels().size() > 1) {
      for (ChannelEnergy c : e.channels()) {
        out.printf(
            Locale.ROOT,
            "  %s%s: %.1f J, mean %.2f W, peak %.2f W, %d samples%n",
            c.channel(),
            c.inTotal() ? "" : " (part, not in total)",
            c.joules(),
            c.meanW(),
            c.peakW(),
            c.samples());
      }
    }
    for (EnergyFlag f : e.flags()) out.println("flag: " + f.code() + " (" + f.meaning() + ")");
  }

  static ObjectNode json(String what, WindowEnergy e, Instant from, Instant to) {
    ObjectNode o = JSON.createObjectNode();
    o.put("samples", e.samples());
    num(o, "duration_s", e.seconds());
    num(o, "mean_w", e.meanW());
    num(o, "peak_w", e.peakW());
    num(o, "joules", e.joules());
    o.put("method", method(e));
    o.put("from", from == null ? null : from.toString());
    o.put("to", to == null ? null : to.toString());
    o.put("trace", what);
    ArrayNode flags = o.putArray("flags");
    e.flags().stream().sorted().forEach(f -> flags.add(f.code()));
    ArrayNode channels = o.putArray("channels");
    for (ChannelEnergy c : e.channels()) {
      ObjectNode n = channels.addObject();
      n.put("channel", c.channel());
      n.put("source", c.source());
      n.put("in_total", c.inTotal());
      n.put("samples", c.samples());
      num(n, "joules", c.joules());
      num(n, "mean_w", c.meanW());
      num(n, "peak_w", c.peakW());
      num(n, "period_ms", c.periodMs());
      n.put("method", c.method());
    }
    return o;
  }

  /** A number, or null where it is not finite (no sample, no baseline): JSON has no NaN. */
  static void num(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) o.put(key, v);
    else o.putNull(key);
  }

  static String write(ObjectNode o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
