/**
 * The normalised row every framework's measurement becomes ({@link
 * dev.tokbench.results.BenchResult}), its CSV and JSONL files, resumable stores and comparisons.
 */
package dev.tokbench.results;
