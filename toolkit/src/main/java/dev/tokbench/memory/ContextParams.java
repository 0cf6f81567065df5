package dev.tokbench.memory;

/**
 * llama.cpp's {@code llama_cparams} as {@code llama_context}'s constructor derives them from the
 * options (src/llama-context.cpp): the context padded to 256 cells, split into one stream per
 * sequence unless unified, the batch capped by the context and the ubatch by the batch.
 *
 * @param nCtx cells in the KV cache, all streams together
 * @param kvSize cells per stream ({@code n_ctx_seq})
 * @param streams KV streams ({@code n_stream}): 1 when unified, else one per sequence
 * @param seqs {@code n_seq_max}
 * @param batch {@code n_batch}
 * @param ubatch {@code n_ubatch}
 */
record ContextParams(long nCtx, long kvSize, int streams, int seqs, long batch, long ubatch) {
  /** {@code GGML_PAD(n_ctx, 256)}: ref. llama.cpp PR 17046. */
  static final long CTX_PAD = 256;

  static ContextParams of(ModelLayout m, MemoryOptions o) {
    long ctx = o.context() == 0 ? m.trainedContext() : o.context();
    if (ctx <= 0) {
      throw new MemoryOptionException(m.source() + " states no context_length; give --ctx");
    }
    if (ctx > MemoryOptions.MAX_CONTEXT) {
      throw new MemoryOptionException(
          m.source()
              + " states a context of "
              + ctx
              + "; give --ctx "
              + "up to "
              + MemoryOptions.MAX_CONTEXT);
    }
    ctx = pad(ctx);
    int seqs = o.parallel();
    long perSeq = o.kvUnified() ? ctx : pad(ctx / seqs);
    if (!o.kvUnified()) ctx = perSeq * seqs;
    long batch = Math.min(ctx, o.batch());
    long ubatch = Math.min(batch, o.ubatch());
    return new ContextParams(ctx, perSeq, o.kvUnified() ? 1 : seqs, seqs, batch, ubatch);
  }

  private static long pad(long n) {
    return (n + CTX_PAD - 1) / CTX_PAD * CTX_PAD;
  }

  /**
   * {@code sched_reserve}'s prompt graph: {@code min(n_ctx, n_ubatch)} tokens, whole per stream.
   */
  long reserveTokens() {
    long n = Math.min(nCtx, ubatch);
    return (n + seqs - 1) / seqs * seqs;
  }

  /** Outputs of the prompt graph: every token, up to {@code n_outputs_max} (the batch). */
  long reserveOutputs() {
    return Math.min(Math.min(nCtx, ubatch), batch);
  }
}
