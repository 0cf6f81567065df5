/**
 * tinygrad's {@code examples/llama3.py --benchmark} launched from a checkout, with the backend
 * variables its version expects and its BEAM cache recorded.
 */
package dev.tokbench.run.tinygrad;
