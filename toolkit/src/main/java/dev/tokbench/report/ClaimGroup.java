package dev.tokbench.report;

import java.util.List;

/**
 * The claims of one part of the report's prose, each recomputed from a data folder; {@code find}
 * looks rows up by the report's labels, so the same claims run on any folder with those models.
 */
abstract class ClaimGroup {
  final DataFolder data;
  final Lookup find;

  ClaimGroup(DataFolder data) {
    this.data = data;
    this.find = new Lookup(data);
  }

  /** Every claim of the group, in the report's order. */
  abstract List<Claim> all();
}
