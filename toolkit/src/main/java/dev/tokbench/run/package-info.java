/**
 * Benchmark runs as immutable values, one sub-package per framework: what every run shares ({@link
 * dev.tokbench.run.RunSettings}, {@link dev.tokbench.run.Benchmark}) and what a launch gives.
 */
package dev.tokbench.run;
