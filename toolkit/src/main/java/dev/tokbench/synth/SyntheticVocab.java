package dev.tokbench.synth;

import java.util.AbstractList;
import java.util.Collections;
import java.util.List;

/**
 * A SentencePiece-style vocabulary that llama.cpp's {@code llama} tokenizer accepts: {@code <unk>},
 * {@code <s>}, {@code </s>}, the 256 byte tokens {@code <0x00>}…{@code <0xFF>}, then {@code t259},
 * {@code t260}, … up to the size asked, all scored 0 (as in the gguf-py test fixtures). Any text
 * tokenizes through the byte fallback, so prompts of any length can be built.
 */
final class SyntheticVocab {
  /** {@code tokenizer.ggml.token_type} values (llama.cpp's {@code llama_token_type}). */
  static final int NORMAL = 1;

  static final int UNKNOWN = 2;
  static final int CONTROL = 3;
  static final int BYTE = 6;

  public static final int UNK_ID = 0;
  public static final int BOS_ID = 1;
  public static final int EOS_ID = 2;

  private final int size;

  private SyntheticVocab(int size) {
    this.size = size;
  }

  /** A vocabulary of {@code size} tokens (at least 259). */
  public static SyntheticVocab of(int size) {
    if (size < 259) throw new IllegalArgumentException("vocab must be >= 259, got " + size);
    return new SyntheticVocab(size);
  }

  public int size() {
    return size;
  }

  /** {@code tokenizer.ggml.tokens}. */
  public List<String> tokens() {
    return new AbstractList<>() {
      @Override
      public String get(int i) {
        if (i == UNK_ID) return "<unk>";
        if (i == BOS_ID) return "<s>";
        if (i == EOS_ID) return "</s>";
        if (i < 259) return String.format("<0x%02X>", i - 3);
        return "t" + i;
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** {@code tokenizer.ggml.scores}: all zero. */
  public List<Float> scores() {
    return Collections.nCopies(size, 0f);
  }

  /** {@code tokenizer.ggml.token_type}. */
  public List<Integer> tokenTypes() {
    return new AbstractList<>() {
      @Override
      public Integer get(int i) {
        if (i == UNK_ID) return UNKNOWN;
        if (i < 3) return CONTROL;
        return i < 259 ? BYTE : NORMAL;
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
