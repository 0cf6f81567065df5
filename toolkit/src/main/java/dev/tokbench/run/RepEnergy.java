package dev.tokbench.run;

import dev.tokbench.energy.Measurement;
import dev.tokbench.energy.Window;
import dev.tokbench.energy.WindowEnergy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each repetition's own energy, beside the row's: {@code rep_energy_j}, {@code rep_mean_w} and
 * {@code rep_energy_flag}, one value per repetition joined by {@code ;} as {@code samples_ns} is. A
 * repetition's window is usually far shorter than the row's: one much shorter than five sample
 * periods is flagged {@code short} (its figure is mostly interpolated), though the row's may not
 * be.
 */
final class RepEnergy {
  private RepEnergy() {}

  static Map<String, String> fields(Measurement m, List<Window> reps) {
    List<String> joules = new ArrayList<>();
    List<String> watts = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    for (Window w : reps) {
      WindowEnergy e = m.energy(w);
      joules.add(num(e.joules(), "%.3f"));
      watts.add(num(e.meanW(), "%.2f"));
      flags.add(e.flagCodes());
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("rep_energy_j", String.join(";", joules));
    f.put("rep_mean_w", String.join(";", watts));
    f.put("rep_energy_flag", String.join(";", flags));
    return f;
  }

  private static String num(double v, String format) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "";
  }
}
