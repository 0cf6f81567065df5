/**
 * How values show in a notebook: MIME bundles for Tablesaw tables, XChart charts, records and
 * anything with {@code html()} or {@code markdown()}, and {@code display(x)} mid-cell.
 */
package dev.tokbench.display;
