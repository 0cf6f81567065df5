package dev.tokbench.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a serving benchmark is asked to do, validated.
 *
 * @param levels the load levels, run in order
 * @param requests requests per level (warm-ups not counted)
 * @param promptTokens prompt length: token ids, or words of a text prompt
 * @param maxTokens {@code max_tokens} of every request
 * @param dataset a ShareGPT JSON file to take prompts from instead; null for random prompts
 * @param slo goodput bounds
 * @param model the {@code model} field; empty for the server's first model
 * @param chat use {@code /v1/chat/completions} (text prompts only)
 * @param warmup requests sent before the first level and not counted
 * @param requestTimeout how long one request may take, headers to end of stream
 * @param seed seeds the prompts and the open loops' arrivals
 * @param promptFormat token ids, text, or whichever the server allows
 * @param vocabSize the vocabulary to draw token ids from; 0 to ask the server (llama-server says)
 * @param server whose request extras to send; null to tell from the launcher or {@code /v1/models}
 * @param extraBody JSON object merged into every request body; empty for none
 * @param scrapeMetrics scrape {@code /metrics} before and after each level
 * @param readyTimeout how long a launched server may take to become ready
 * @param apiKey sent as a bearer token; empty for none
 * @param banByteTokens a {@code logit_bias} against llama-server's byte tokens 0x80-0xFF, so that a
 *     random-weight model's output stays valid UTF-8 ({@link ByteTokenBan})
 */
public record ServeSettings(
    List<Level> levels,
    int requests,
    int promptTokens,
    int maxTokens,
    Path dataset,
    Slo slo,
    String model,
    boolean chat,
    int warmup,
    Duration requestTimeout,
    long seed,
    PromptFormat promptFormat,
    int vocabSize,
    ServerKind server,
    String extraBody,
    boolean scrapeMetrics,
    Duration readyTimeout,
    String apiKey,
    boolean banByteTokens) {

  /** How prompts are sent. */
  public enum PromptFormat {
    /**
     * llama-server and vLLM: {@link #WORDS}; others: {@link #TOKENS} when the vocabulary size is
     * given, else {@link #TEXT}; chat: {@link #TEXT}.
     */
    AUTO,
    /** Random token ids below the vocabulary size: exact lengths. */
    TOKENS,
    /** Random words tokenized by the server's {@code /tokenize}, sent as ids: exact lengths. */
    WORDS,
    /** Random words as text: lengths as the server counts them. */
    TEXT;

    /** {@code auto}, {@code words}, {@code tokens} or {@code text}, as {@code --prompt-format}. */
    public static PromptFormat of(String name) {
      try {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new dev.tokbench.BadInputException(
            "--prompt-format is auto, words, tokens or text, got '" + name + "'");
      }
    }
  }

  public static final ServeSettings DEFAULTS =
      new ServeSettings(
          List.of(Level.concurrency(1)),
          100,
          512,
          128,
          null,
          Slo.NONE,
          "",
          false,
          2,
          Duration.ofMinutes(10),
          0,
          PromptFormat.AUTO,
          0,
          null,
          "",
          true,
          Duration.ofMinutes(10),
          "",
          false);

  public ServeSettings {
    levels = List.copyOf(levels);
    if (levels.isEmpty())
      throw new IllegalArgumentException("a serving benchmark needs at least one level");
    positive(requests, "--requests");
    positive(promptTokens, "--prompt-tokens");
    positive(maxTokens, "--max-tokens");
    if (warmup < 0) throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
    if (vocabSize < 0 || vocabSize == 1)
      throw new IllegalArgumentException(
          "--vocab-size must be >= 2 (or 0 to ask the server), got " + vocabSize);
    Objects.requireNonNull(slo, "slo");
    model = Objects.requireNonNullElse(model, "");
    extraBody = Objects.requireNonNullElse(extraBody, "");
    apiKey = Objects.requireNonNullElse(apiKey, "");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(readyTimeout, "readyTimeout");
    Objects.requireNonNull(promptFormat, "promptFormat");
    if (chat && (promptFormat == PromptFormat.TOKENS || promptFormat == PromptFormat.WORDS))
      throw new IllegalArgumentException("chat requests take text: --chat cannot send token ids");
  }

  private static void positive(int v, String option) {
    if (v < 1) throw new IllegalArgumentException(option + " must be >= 1, got " + v);
  }

  /** Requests the whole run sends, warm-ups included: each needs a distinct prompt. */
  public int totalRequests() {
    return warmup + requests * levels.size();
  }
}
