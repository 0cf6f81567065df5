/**
 * {@code vllm bench latency} and {@code vllm bench throughput} launched after an availability
 * check, their {@code --output-json} read into a row.
 */
package dev.tokbench.run.vllm;
