/**
 * Charts drawn once and written twice: as SVG text (for {@code REPORT.md} and inline in {@code
 * index.html}) and as PNG (through Java2D, headless), from the same layout. Text is measured with
 * DejaVu Sans' own advance widths, so a chart lays out the same on every machine.
 */
package dev.tokbench.report.chart;
