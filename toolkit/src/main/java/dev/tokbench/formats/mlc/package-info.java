/** The {@code --output} CSV of MLC LLM's {@code python -m mlc_llm.bench}. */
package dev.tokbench.formats.mlc;
