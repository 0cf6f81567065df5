/**
 * Saved outputs of the frameworks read into rows, one sub-package per framework; {@link
 * dev.tokbench.formats.Import} recognises any of them, and tokbench's own files, from content.
 */
package dev.tokbench.formats;
