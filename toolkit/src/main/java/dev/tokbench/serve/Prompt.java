package dev.tokbench.serve;

import java.util.List;

/**
 * One prompt: token ids (exact length, no tokenizer time on the server) or text.
 *
 * @param index its index in the run; prompts of one run are distinct
 * @param tokenIds the ids, or empty for a text prompt
 * @param text the text, or empty for a token prompt
 */
public record Prompt(int index, List<Integer> tokenIds, String text) {
  public Prompt {
    tokenIds = List.copyOf(tokenIds);
    if (tokenIds.isEmpty() == text.isEmpty())
      throw new IllegalArgumentException("a prompt is token ids or text, not both nor neither");
  }

  public static Prompt ofTokens(int index, List<Integer> ids) {
    return new Prompt(index, ids, "");
  }

  public static Prompt ofText(int index, String text) {
    return new Prompt(index, List.of(), text);
  }

  public boolean isTokens() {
    return !tokenIds.isEmpty();
  }

  @Override
  public String toString() {
    return "prompt "
        + index
        + (isTokens() ? " (" + tokenIds.size() + " token ids)" : " (" + text.length() + " chars)");
  }
}
