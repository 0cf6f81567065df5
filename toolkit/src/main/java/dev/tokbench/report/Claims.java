package dev.tokbench.report;

import java.util.List;

/**
 * The claims of a folder's {@code claims.yaml}, recomputed from its data, and {@code claims.md}.
 */
final class Claims {
  private Claims() {}

  /** The claims of {@code file}, in its order, recomputed on {@code data}. */
  static List<Claim> check(DataFolder data, ClaimsFile file) {
    ClaimEngine engine = new ClaimEngine(data);
    return file.claims().stream().map(engine::check).toList();
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
