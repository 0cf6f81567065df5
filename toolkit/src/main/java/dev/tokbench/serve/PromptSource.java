package dev.tokbench.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where a run's prompts come from. Prompt {@code i} is a pure function of the source and {@code i}
 * (the seed included), so a re-run sends the same prompts, and distinct indices give distinct
 * prompts: random ones differ from their first tokens on, so no prefix cache can serve a block of
 * one from another.
 */
public interface PromptSource {
  /** The prompt with this index. */
  Prompt prompt(int index);

  /** How many distinct prompts there are. */
  int capacity();

  /** What the prompts are, for the run line: {@code random token ids, 512 per prompt}. */
  String describe();

  /** {@code length} token ids drawn uniformly from {@code [0, vocab)}. */
  static PromptSource randomTokens(int vocab, int length, long seed) {
    return new RandomTokens(vocab, length, seed);
  }

  /**
   * {@code words} random common English words; most tokenizers make each one token (a leading space
   * and a short word), but only the server's {@code usage} says how many tokens it was.
   */
  static PromptSource randomText(int words, long seed) {
    return new RandomText(words, seed);
  }

  /**
   * Exactly {@code length} token ids of random common words, tokenized by the server itself (its
   * {@code /tokenize}): exact lengths like {@link #randomTokens}, but a prompt a model continues
   * with words. llama-server (2026-08) fails a request whose output is not valid UTF-8, which
   * random ids make an 8B model produce (see docs/serving.md); words make it rarer.
   */
  static PromptSource tokenizedWords(int length, long seed, Tokenizer tokenizer) {
    return new TokenizedWords(length, seed, tokenizer);
  }

  /** Text to token ids, as a server's {@code /tokenize} does it. */
  interface Tokenizer {
    List<Integer> tokenize(String text);
  }

  /** The given texts in order (a dataset's sample). */
  static PromptSource texts(List<String> texts, String description) {
    return new Texts(List.copyOf(texts), description);
  }

  private static SplittableRandom random(long seed, int index) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
  }

  /** Random token ids. */
  record RandomTokens(int vocab, int length, long seed) implements PromptSource {
    public RandomTokens {
      if (vocab < 2)
        throw new IllegalArgumentException("vocabulary size must be >= 2, got " + vocab);
      if (length < 1)
        throw new IllegalArgumentException("prompt length must be >= 1, got " + length);
    }

    @Override
    public Prompt prompt(int index) {
      SplittableRandom r = random(seed, index);
      List<Integer> ids = new ArrayList<>(length);
      for (int i = 0; i < length; i++) ids.add(r.nextInt(vocab));
      return Prompt.ofTokens(index, ids);
    }

    @Override
    public int capacity() {
      return Integer.MAX_VALUE;
    }

    @Override
    public String describe() {
      return "random token ids below " + vocab + ", " + length + " per prompt, seed " + seed;
    }
  }

  /** Random words. */
  record RandomText(int words, long seed) implements PromptSource {
    private static final String[] WORDS =
        ("the of and to in is that for it as was with be by on not he this are or his from at which"
                + " but have an they you were her she there been one all we their has would when if"
                + " so no will more can out up who them some into time only new about two may then"
                + " do first any like now my such over our man me even most made after also did many"
                + " off before must well back through years much where your way down should because"
                + " long each just state people three good very make world still own see men work"
                + " day get here old life both between under last never place same another while")
            .split(" ");

    public RandomText {
      if (words < 1) throw new IllegalArgumentException("prompt length must be >= 1, got " + words);
    }

    @Override
    public Prompt prompt(int index) {
      SplittableRandom r = random(seed, index);
      StringBuilder b = new StringBuilder(words * 5);
      for (int i = 0; i < words; i++)
        b.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
      return Prompt.ofText(index, b.toString());
    }

    @Override
    public int capacity() {
      return Integer.MAX_VALUE;
    }

    @Override
    public String describe() {
      return "random text, " + words + " words per prompt, seed " + seed;
    }
  }

  /** Random words, tokenized by the server and cut to the length. */
  record TokenizedWords(int length, long seed, Tokenizer tokenizer) implements PromptSource {
    public TokenizedWords {
      if (length < 1)
        throw new IllegalArgumentException("prompt length must be >= 1, got " + length);
    }

    @Override
    public Prompt prompt(int index) {
      // most common words are one token; a tokenizer that splits them just gets its prefix cut
      for (int words = length; ; words *= 2) {
        List<Integer> ids = tokenizer.tokenize(new RandomText(words, seed).prompt(index).text());
        if (ids.size() >= length) return Prompt.ofTokens(index, ids.subList(0, length));
        if (words > 64 * length)
          throw new IllegalStateException(
              words + " words tokenized to only " + ids.size() + " tokens; wanted " + length);
      }
    }

    @Override
    public int capacity() {
      return Integer.MAX_VALUE;
    }

    @Override
    public String describe() {
      return "random words tokenized by the server, "
          + length
          + " token ids per prompt, seed "
          + seed;
    }
  }

  /** Given texts. */
  record Texts(List<String> texts, String description) implements PromptSource {
    @Override
    public Prompt prompt(int index) {
      if (index >= texts.size())
        throw new IndexOutOfBoundsException(
            "prompt " + index + " asked of " + texts.size() + " prompts (" + description + ")");
      return Prompt.ofText(index, texts.get(index));
    }

    @Override
    public int capacity() {
      return texts.size();
    }

    @Override
    public String describe() {
      return description;
    }
  }
}
