package dev.tokbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every quantitative claim of the report's prose, recomputed from a data folder. */
final class Claims {
  private Claims() {}

  /** The claims {@code file} names, in its order, recomputed on {@code data}. */
  static List<Claim> check(DataFolder data, ClaimsFile file) {
    List<Claim> known = new ArrayList<>(new FrameworkClaims(data).all());
    known.addAll(new LlamaCppClaims(data).all());
    known.addAll(new BandwidthClaims(data).all());
    known.addAll(new MethodClaims(data).all());
    Map<String, Claim> byId = new LinkedHashMap<>();
    known.forEach(c -> byId.put(c.id(), c));
    List<Claim> out = new ArrayList<>();
    for (ClaimsFile.Entry e : file.claims()) {
      Claim c = byId.get(e.id());
      if (c == null) {
        throw new dev.tokbench.DataFileException(
            file.file().toString(), e.line(), "no claim '" + e.id() + "'; known: " + byId.keySet());
      }
      out.add(c);
    }
    return out;
  }

  /** {@code claims.md}: a summary count, then one section per claim. */
  static String markdown(DataFolder data, List<Claim> claims) {
    StringBuilder out = new StringBuilder("# Claims of the report, recomputed\n\n");
    out.append("Data: `")
        .append(data.dir().getFileName())
        .append("` (")
        .append(data.device())
        .append(").\n\n");
    for (Verdict v : Verdict.values()) {
      long n = claims.stream().filter(c -> c.verdict() == v).count();
      out.append("- ").append(v.label()).append(": ").append(n).append('\n');
    }
    out.append("\n| Claim | Section | Verdict | Computed |\n|---|---|---|---|\n");
    for (Claim c : claims) {
      out.append("| ")
          .append(c.id())
          .append(" | ")
          .append(c.section())
          .append(" | **")
          .append(c.verdict().label())
          .append("** | ")
          .append(c.computed().replace("|", "\\|"))
          .append(" |\n");
    }
    out.append("\n## Quotes\n\n");
    for (Claim c : claims)
      out.append("- `").append(c.id()).append("`: ").append(c.quote()).append('\n');
    return out.toString();
  }
}
