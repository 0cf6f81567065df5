package dev.tokbench.results;

import java.util.Map;

/**
 * What a run was meant to measure, so that a row for a run that measured nothing (not installed,
 * crashed, hung) still names its framework, model and test, and a sweep or report can place it:
 * {@code BenchResult.failed(RunIdentity.of("vllm", model).test("pp512+tg128", 512, 128), …)}.
 *
 * @param framework e.g. {@code vllm}
 * @param backend e.g. {@code CUDA}; empty when not known
 * @param model the model's name
 * @param test the test as llama-bench names it; empty when not known
 * @param nPrompt prompt tokens per sample
 * @param nGen generated tokens per sample
 * @param flags the run's configuration
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

  /** A run of {@code framework} on {@code model}; no backend, test or flags yet. */
  public static RunIdentity of(String framework, String model) {
    return new RunIdentity(framework, "", model, "", 0, 0, Map.of());
  }

  /** This identity on another backend. */
  public RunIdentity backend(String name) {
    return new RunIdentity(framework, name, model, test, nPrompt, nGen, flags);
  }

  /** This identity for the test {@code name} of {@code prompt} and {@code gen} tokens. */
  public RunIdentity test(String name, int prompt, int gen) {
    return new RunIdentity(framework, backend, model, name, prompt, gen, flags);
  }

  /** This identity with the run's configuration. */
  public RunIdentity flags(Map<String, String> configuration) {
    return new RunIdentity(framework, backend, model, test, nPrompt, nGen, configuration);
  }

  /** The row standing for this run when it measured nothing, with the launch's provenance. */
  public BenchResult failed(Status status, String reason, Map<String, String> provenance) {
    return BenchResult.failed(this, status, reason).withProvenance(provenance);
  }
}
