package dev.tokbench.display;

import java.util.Objects;

/**
 * Markdown text, shown rendered by a notebook front end ({@code text/markdown}) and as its source
 * elsewhere.
 *
 * @param text the Markdown source
 */
public record Markdown(String text) {
  public Markdown {
    Objects.requireNonNull(text, "text");
  }

  public static Markdown of(String text) {
    return new Markdown(text);
  }

  @Override
  public String toString() {
    return text;
  }
}
