/**
 * llama-bench's output in its five formats ({@code json}, {@code jsonl}, {@code csv}, {@code md},
 * {@code sql}), every printed field kept, older spellings read alike.
 */
package dev.tokbench.formats.llamabench;
