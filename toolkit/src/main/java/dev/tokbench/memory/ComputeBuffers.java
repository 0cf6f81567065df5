package dev.tokbench.memory;

import dev.tokbench.memory.ggml.GraphAllocator;
import dev.tokbench.memory.ggml.Scheduler;
import dev.tokbench.memory.ggml.SplitGraph;

/**
 * The compute buffers llama.cpp reserves (llama_context::sched_reserve): the graph of a full ubatch
 * of prompt ({@code min(n_ctx, n_ubatch)} tokens, every one an output up to {@code n_batch}) and
 * the graph of one token per sequence, each split by the scheduler and placed by the graph
 * allocator; a buffer is only ever enlarged, so each ends at the larger of the two. (The third
 * reserve, the prompt graph again, changes nothing.)
 */
final class ComputeBuffers {
  private ComputeBuffers() {}

  /** Bytes of each backend's compute buffer, in backend order. */
  static long[] reserve(GraphSetup s) {
    ContextParams c = s.context();
    long[] prompt = one(s, c.reserveTokens(), c.reserveOutputs());
    long[] token = one(s, c.seqs(), c.seqs());
    long[] max = new long[prompt.length];
    for (int i = 0; i < max.length; i++) max[i] = Math.max(prompt[i], token[i]);
    return max;
  }

  private static long[] one(GraphSetup s, long tokens, long outputs) {
    LlamaGraph.Built g = LlamaGraph.build(s, tokens, s.context().seqs(), outputs);
    SplitGraph split = Scheduler.split(g.graph(), s.buffers().backends, g.pinned());
    return GraphAllocator.reserve(split, s.buffers().computeBuffers());
  }
}
