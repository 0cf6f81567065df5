package dev.tokbench.report;

import dev.tokbench.TidyCsv;
import dev.tokbench.bandwidth.UnknownUnitException;
import java.util.List;

/** The units a data file may state in a unit column. */
final class Units {
  static final List<String> KNOWN = List.of("tok/s", "ms", "s", "min", "GB", "GB/s", "%", "x");

  private Units() {}

  /** The row's unit cell, if it is a known unit; else an error at the row. */
  static String check(TidyCsv.Row r, String column) {
    String unit = r.required(column);
    if (!KNOWN.contains(unit)) {
      throw new UnknownUnitException(
          r.file() + ":" + r.line() + ": column '" + column + "'", unit, String.join(", ", KNOWN));
    }
    return unit;
  }
}
