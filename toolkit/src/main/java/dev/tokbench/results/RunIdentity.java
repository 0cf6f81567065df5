package dev.tokbench.results;

import java.util.List;
import java.util.Map;

/**
 * What a run was meant to measure, so that a row for a run that measured nothing (not installed,
 * crashed, hung) still names its framework, model and test, and a sweep or report can place it.
 */
public record RunIdentity(
    String framework,
    String backend,
    String model,
    String test,
    int nPrompt,
    int nGen,
    Map<String, String> flags) {
  public RunIdentity {
    flags = Map.copyOf(flags);
  }

  /** The row standing for this run when it measured nothing. */
  public BenchResult failed(Status status, String reason, Map<String, String> provenance) {
    return new BenchResult(
        framework,
        backend,
        model,
        "",
        test,
        nPrompt,
        nGen,
        0,
        FlashAttention.NA,
        Double.NaN,
        Double.NaN,
        List.of(),
        -1,
        -1,
        "",
        status,
        reason,
        flags,
        provenance,
        Map.of());
  }
}
