/**
 * The toolkit's values as Tablesaw tables (tensors, metadata, devices, results, comparisons), kept
 * apart so that the measurement side runs without Tablesaw.
 */
package dev.tokbench.tables;
