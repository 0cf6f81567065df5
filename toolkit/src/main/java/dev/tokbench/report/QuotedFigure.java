package dev.tokbench.report;

/**
 * A figure the report's prose quotes that no table holds (a prior session's speed, a latency),
 * transcribed in {@code quoted.csv} so that claims about it are checked against data too.
 *
 * @param quantity a stable key, e.g. {@code tinygrad_beam_warm_decode}
 * @param value the number
 * @param unit its unit, e.g. {@code tok/s}, {@code ms}, {@code GB}
 * @param section where the report states it
 * @param quote the sentence it comes from
 */
public record QuotedFigure(
    String quantity, double value, String unit, String section, String quote) {}
