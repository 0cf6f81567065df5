/**
 * The JSONL of {@code tokbench serve-bench} read into rows of the test kind {@code serve}, one per
 * load level ({@link dev.tokbench.results.ServeMetrics} reads their figures back).
 */
package dev.tokbench.formats.serve;
