/**
 * Bytes, bandwidth and the bounds they set: effective bandwidth, % of theoretical, the decode
 * ceiling (bandwidth ÷ bytes per token, KV cache included) and prefill compute.
 */
package dev.tokbench.bandwidth;
