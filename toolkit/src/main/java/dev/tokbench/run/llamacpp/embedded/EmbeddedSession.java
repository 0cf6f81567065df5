package dev.tokbench.run.llamacpp.embedded;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import java.nio.file.Path;

/**
 * One model loaded in-process through de.kherud:llama (llama.cpp's server code behind JNI), with
 * the timed calls {@link EmbeddedLlama} needs. The binding reports no timings of its own, so each
 * figure is a difference of two wall-clock times that share every fixed cost (request hand-off, the
 * BOS token, the first sampled token): a prompt of {@code p} tokens minus a prompt of one, a
 * generation of {@code n} tokens minus a generation of one.
 */
final class EmbeddedSession implements AutoCloseable {
  private final LlamaModel model;

  static {
    NativeLlama.load();
  }

  EmbeddedSession(Path file, int threads, int ctx, int batch) {
    this.model =
        new LlamaModel(
            new ModelParameters()
                .setModel(file.toString())
                .setThreads(threads)
                .setThreadsBatch(threads)
                .setCtxSize(ctx)
                .setBatchSize(batch)
                .setUbatchSize(batch)
                .disableLog());
  }

  /**
   * Text whose prompt (with the BOS token the server adds) is {@code tokens} long, or as close as
   * the tokenizer allows; {@link #promptTokens} says how long it came out.
   */
  String promptOf(int tokens) {
    int k = Math.max(1, tokens);
    String text = "x".repeat(k);
    for (int i = 0; i < 16; i++) {
      int missing = tokens - promptTokens(text);
      if (missing == 0) break;
      k = Math.max(1, k + missing);
      text = "x".repeat(k);
    }
    return text;
  }

  /** Tokens the server evaluates for {@code text}: its tokens plus BOS. */
  int promptTokens(String text) {
    return model.encode(text).length + 1;
  }

  /** Seconds to evaluate {@code text} as a fresh prompt and sample one token. */
  double promptSeconds(String text) {
    return timed(new InferenceParameters(text).setNPredict(1).setCachePrompt(false));
  }

  /** Seconds to generate {@code tokens} tokens after the BOS-only prompt, ignoring end tokens. */
  double generateSeconds(int tokens) {
    return timed(
        new InferenceParameters("")
            .setNPredict(tokens)
            .setIgnoreEos(true)
            .setCachePrompt(false)
            .setSeed(42));
  }

  private double timed(InferenceParameters p) {
    long t0 = System.nanoTime();
    model.complete(p);
    return (System.nanoTime() - t0) / 1e9;
  }

  @Override
  public void close() {
    model.close();
  }
}
