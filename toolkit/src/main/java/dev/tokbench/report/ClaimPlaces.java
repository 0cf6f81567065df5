package dev.tokbench.report;

/**
 * Where the report makes its claims (section headings, as {@link Claim#section()}) and the chart
 * labels of the models they are about, shared by the claim classes so a heading is spelled once.
 */
final class ClaimPlaces {
  static final String SUMMARY = "Executive Summary";
  static final String TINYGRAD = "1. tinygrad Results — Observations";
  static final String LLAMA = "2. llama.cpp Results — Observations";
  static final String Q6_1B = "LLaMA 1B Q6_K";
  static final String Q4_1B = "LLaMA 1B Q4_K_M";
  static final String Q6_3B = "LLaMA 3B Q6_K";

  private ClaimPlaces() {}
}
