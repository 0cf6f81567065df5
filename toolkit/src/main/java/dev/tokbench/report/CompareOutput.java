package dev.tokbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.CsvOutput;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Comparison;
import dev.tokbench.results.Pooled;
import dev.tokbench.results.Settings;
import dev.tokbench.results.Speedup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A {@link Compare}'s pairs as CSV and JSON, for scripts: every figure, unrounded. */
final class CompareOutput {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> CSV_STATISTICS =
      List.of("speedup", "ci95_low", "ci95_high", "welch_t", "welch_df", "p", "significant");

  private CompareOutput() {}

  /** One line per pair: the settings it shares, each side's mean, stddev and repetitions. */
  static String csv(Compare compare, Comparison c) {
    List<Settings> keys = c.rows().stream().map(compare::key).toList();
    List<String> names =
        new ArrayList<>(
            new LinkedHashSet<>(keys.stream().flatMap(k -> k.names().stream()).toList()));
    List<String> header = new ArrayList<>(names);
    for (String side : List.of("baseline", "candidate")) {
      header.addAll(List.of(side, side + "_tokens_per_s", side + "_stddev", side + "_repetitions"));
    }
    header.addAll(CSV_STATISTICS);
    // each line printed as it is made, not all kept first: a fleet's comparison has 333,000 pairs
    StringBuilder out = new StringBuilder();
    CsvOutput.record(out, header);
    for (int i = 0; i < c.rows().size(); i++) {
      Comparison.Pair p = c.rows().get(i);
      List<String> line = new ArrayList<>();
      for (String n : names) line.add(keys.get(i).get(n));
      line.addAll(side(compare.baselineName(), p.baseline()));
      line.addAll(side(compare.candidateName(), p.candidate()));
      line.addAll(statistics(p.statistics()));
      CsvOutput.record(out, line);
    }
    return out.toString();
  }

  private static List<String> side(String name, BenchResult r) {
    Pooled p = Pooled.of(List.of(r));
    return List.of(name, num(p.mean()), num(p.stddev()), Integer.toString(p.repetitions()));
  }

  private static List<String> statistics(Speedup s) {
    return List.of(
        num(s.ratio()),
        num(s.ciLow()),
        num(s.ciHigh()),
        num(s.t()),
        num(s.df()),
        num(s.p()),
        s.significance());
  }

  /** One JSON object: names, what differs, the test used, every pair, what stayed unpaired. */
  static String json(Compare compare, Comparison c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("baseline", compare.baselineName());
    o.put("candidate", compare.candidateName());
    ArrayNode diff = o.putArray("differing");
    compare.differing().forEach(diff::add);
    o.put("test", "welch");
    o.put("ci", "delta method on log(speedup), 95%");
    o.put("alpha", Speedup.ALPHA);
    ArrayNode pairs = o.putArray("pairs");
    for (Comparison.Pair p : c.rows()) pair(pairs.addObject(), compare.key(p), p);
    int[] measured = compare.configurations();
    o.put("unpaired_baseline", measured[0] - c.rows().size());
    o.put("unpaired_candidate", measured[1] - c.rows().size());
    return o.toPrettyString() + "\n";
  }

  private static void pair(ObjectNode n, Settings key, Comparison.Pair p) {
    ObjectNode settings = n.putObject("settings");
    key.asMap().forEach(settings::put);
    side(n.putObject("baseline_side"), p.baseline());
    side(n.putObject("candidate_side"), p.candidate());
    Speedup s = p.statistics();
    n.put("speedup", s.ratio());
    put(n, "ci95_low", s.ciLow());
    put(n, "ci95_high", s.ciHigh());
    put(n, "welch_t", s.t());
    put(n, "welch_df", s.df());
    put(n, "p", s.p());
    n.put("significant", s.significance());
  }

  private static void side(ObjectNode n, BenchResult r) {
    Pooled p = Pooled.of(List.of(r));
    Settings s = Settings.of(r);
    for (String k : List.of("device", "commit", "version")) if (s.has(k)) n.put(k, s.get(k));
    n.put("tokens_per_s", p.mean());
    put(n, "stddev", p.stddev());
    n.put("repetitions", p.repetitions());
    n.put("runs", Integer.parseInt(r.provenance().getOrDefault("merged_runs", "1")));
  }

  private static void put(ObjectNode n, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) n.putNull(key);
    else n.put(key, v);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
