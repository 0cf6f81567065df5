/**
 * Benchmark matrices run point by point into an append-only store, resumable after a crash;
 * declared in Java or in a YAML/JSON sweep file.
 */
package dev.tokbench.sweep;
