/**
 * MLC LLM's {@code python -m mlc_llm.bench} launched after an availability check, its CSV read into
 * rows.
 */
package dev.tokbench.run.mlc;
