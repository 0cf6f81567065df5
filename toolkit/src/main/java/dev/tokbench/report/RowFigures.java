package dev.tokbench.report;

import static dev.tokbench.report.Labels.fixed;

import dev.tokbench.bandwidth.ByteUnit;
import dev.tokbench.bandwidth.Bytes;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures a claims file takes from a folder's rows as a whole or from its device: counts,
 * largest standard deviations, bandwidths printed or estimated, repetitions, tests, and tinygrad's
 * ms/tok against its tok/s.
 */
final class RowFigures {
  private final DataFolder data;

  RowFigures(DataFolder data) {
    this.data = data;
  }

  /**
   * {@code theoretical} or {@code practical} as stated for the folder, or the {@code catalogue}'s.
   */
  ClaimValue device(String which) {
    var d = data.device();
    return switch (which) {
      case "theoretical" -> ClaimValue.of(d.theoretical().gbPerS(), d.theoretical().toString());
      case "practical" ->
          d.practicalBandwidth().map(p -> ClaimValue.of(p.gbPerS(), p.toString())).orElse(null);
      case "catalogue" ->
          ClaimValue.of(d.device().theoretical().gbPerS(), d.device().theoretical().toString())
              .with("name", d.device().name())
              .with("source", String.valueOf(d.device().source()));
      default -> null;
    };
  }

  /**
   * How many frameworks the rows name ({@code all}), ran, or list as not installed; their names.
   */
  ClaimValue frameworks(String which) {
    List<String> all = data.results().stream().map(BenchResult::framework).distinct().toList();
    return switch (which) {
      case "all" -> ClaimValue.of(all.size());
      case "names" -> ClaimValue.text(all.toString());
      case "measured" ->
          ClaimValue.of(data.merged().stream().map(BenchResult::framework).distinct().count());
      case "not_installed" ->
          ClaimValue.of(
              data.results().stream()
                  .filter(r -> r.status() == Status.NOT_INSTALLED)
                  .map(BenchResult::framework)
                  .distinct()
                  .count());
      default -> null;
    };
  }

  /** A figure of the measured rows of {@code framework} (any when null). */
  ClaimValue of(String kind, String arg, String framework) {
    List<BenchResult> rows =
        data.merged().stream()
            .filter(r -> framework == null || r.framework().equals(framework))
            .toList();
    return switch (kind) {
      case "rows" -> ClaimValue.of(rows.size());
      case "largest_stddev" -> largestStddev(rows, arg.equals("decode"));
      case "printed_bandwidth" -> printed(rows);
      case "estimated_bandwidth" -> estimated(rows);
      case "repetitions" ->
          ClaimValue.text(
              rows.stream().map(RowFigures::repetitions).distinct().toList().toString());
      case "tests" ->
          ClaimValue.text(rows.stream().map(BenchResult::test).distinct().toList().toString());
      case "sized_as_named" -> ClaimValue.of(rows.stream().allMatch(RowFigures::sized) ? 1 : 0);
      case "ms_per_token" -> MsPerToken.of(rows, arg.equals("disagreeing"));
      default -> null;
    };
  }

  /** The largest stddev of decode ({@code tg}) or prompt rows; none without stddevs at all. */
  private static ClaimValue largestStddev(List<BenchResult> rows, boolean decode) {
    List<BenchResult> with =
        rows.stream().filter(r -> !Double.isNaN(r.tokensPerSStddev())).toList();
    if (with.isEmpty()) return null;
    return ClaimValue.of(
        with.stream()
            .filter(r -> r.test().startsWith("tg") == decode)
            .mapToDouble(BenchResult::tokensPerSStddev)
            .max()
            .orElse(Double.NaN));
  }

  /** GB/s as the framework printed it (tinygrad's {@code memory_bandwidth_gb_per_s}). */
  private static ClaimValue printed(List<BenchResult> rows) {
    List<ClaimValue> out = new ArrayList<>();
    for (BenchResult r : rows) {
      String printed = r.extra().get("memory_bandwidth_gb_per_s");
      if (printed != null) out.add(ClaimValue.of(Double.parseDouble(printed)));
    }
    return ClaimValue.list(out);
  }

  /** Weights × decode tok/s (GB/s) of the rows that printed no bandwidth of their own. */
  private ClaimValue estimated(List<BenchResult> rows) {
    List<ClaimValue> out = new ArrayList<>();
    for (BenchResult r : rows) {
      Bytes w = Labels.weights(data, r);
      if (r.extra().get("memory_bandwidth_gb_per_s") == null && Labels.decode(r) && w != null) {
        out.add(ClaimValue.of(w.in(ByteUnit.GB) * r.tokensPerSMean()));
      }
    }
    return ClaimValue.list(out);
  }

  /** Transcribed rows state repetitions; llama-bench's own rows carry their samples. */
  private static String repetitions(BenchResult r) {
    String stated = r.flags().get("repetitions");
    return stated != null ? stated : Integer.toString(r.samples().size());
  }

  /** A ppN test processes N prompt tokens and generates none; a tgN generates N. */
  private static boolean sized(BenchResult r) {
    String t = r.test();
    if (!t.matches("(pp|tg)[0-9]{1,9}")) return false;
    int n = Integer.parseInt(t.substring(2));
    return t.startsWith("pp")
        ? r.nPrompt() == n && r.nGen() == 0
        : r.nGen() == n && r.nPrompt() == 0;
  }

  /** Whether 1000 ÷ ms/tok agrees with tok/s, both as rounded as tinygrad prints them. */
  private static final class MsPerToken {
    static ClaimValue of(List<BenchResult> rows, boolean disagreeing) {
      List<ClaimValue> all = new ArrayList<>();
      List<String> off = new ArrayList<>();
      for (BenchResult r : rows) {
        String ms = r.extra().get("ms_per_token");
        if (ms == null) continue;
        double m = Double.parseDouble(ms);
        // tok/s was rounded to 0.01, ms/tok to 0.1: they agree when the intervals overlap
        double lo = 1000 / (m + 0.05);
        double hi = 1000 / (m - 0.05);
        boolean agrees = !(r.tokensPerSMean() + 0.005 < lo || r.tokensPerSMean() - 0.005 > hi);
        all.add(ClaimValue.of(agrees ? 1 : 0));
        if (!agrees) off.add(Labels.framework(r) + " " + fixed(1000 / m, 3));
      }
      if (all.isEmpty()) return null;
      if (disagreeing) return off.isEmpty() ? null : ClaimValue.text(off.toString());
      return ClaimValue.list(all);
    }
  }
}
