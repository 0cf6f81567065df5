package dev.tokbench.serve;

import java.util.Objects;

/**
 * A request ready to send: its JSON body built before the level starts, so no body is built while
 * the clock runs.
 *
 * @param index the prompt's index in the run
 * @param promptTokensSent token ids in the prompt, or -1 for a text prompt
 * @param maxTokens the {@code max_tokens} it asks for
 * @param body the JSON request body
 */
public record Prepared(int index, int promptTokensSent, int maxTokens, String body) {
  public Prepared {
    Objects.requireNonNull(body, "body");
    if (maxTokens < 1)
      throw new IllegalArgumentException("max_tokens must be >= 1, got " + maxTokens);
  }

  @Override
  public String toString() {
    return "request " + index + " (" + body.length() + " bytes of JSON)";
  }
}
