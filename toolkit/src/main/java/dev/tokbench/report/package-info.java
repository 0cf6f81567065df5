/**
 * The published report regenerated from a data folder: its tables, text bars, charts and claims,
 * read through {@code formats} like any new run.
 */
package dev.tokbench.report;
