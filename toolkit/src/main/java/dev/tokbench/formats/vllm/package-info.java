/** The {@code --output-json} of {@code vllm bench latency} and {@code vllm bench throughput}. */
package dev.tokbench.formats.vllm;
