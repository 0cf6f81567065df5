package dev.tokbench.gguf;

import java.util.Optional;

/**
 * {@code general.file_type}: llama.cpp's {@code enum llama_ftype} (llama.h), named as
 * llama-quantize names it ({@code Q4_K_M}) and described as llama-bench prints it in {@code
 * model_type} ({@code Q4_K - Medium}, from {@code llama_model_ftype_name}). Retired ids (4-6,
 * 33-35) are absent.
 */
public enum FileType {
  ALL_F32(0, "all F32"),
  F16(1, "F16"),
  Q4_0(2, "Q4_0"),
  Q4_1(3, "Q4_1"),
  Q8_0(7, "Q8_0"),
  Q5_0(8, "Q5_0"),
  Q5_1(9, "Q5_1"),
  Q2_K(10, "Q2_K - Medium"),
  Q3_K_S(11, "Q3_K - Small"),
  Q3_K_M(12, "Q3_K - Medium"),
  Q3_K_L(13, "Q3_K - Large"),
  Q4_K_S(14, "Q4_K - Small"),
  Q4_K_M(15, "Q4_K - Medium"),
  Q5_K_S(16, "Q5_K - Small"),
  Q5_K_M(17, "Q5_K - Medium"),
  Q6_K(18, "Q6_K"),
  IQ2_XXS(19, "IQ2_XXS - 2.0625 bpw"),
  IQ2_XS(20, "IQ2_XS - 2.3125 bpw"),
  Q2_K_S(21, "Q2_K - Small"),
  IQ3_XS(22, "IQ3_XS - 3.3 bpw"),
  IQ3_XXS(23, "IQ3_XXS - 3.0625 bpw"),
  IQ1_S(24, "IQ1_S - 1.5625 bpw"),
  IQ4_NL(25, "IQ4_NL - 4.5 bpw"),
  IQ3_S(26, "IQ3_S - 3.4375 bpw"),
  IQ3_M(27, "IQ3_S mix - 3.66 bpw"),
  IQ2_S(28, "IQ2_S - 2.5 bpw"),
  IQ2_M(29, "IQ2_M - 2.7 bpw"),
  IQ4_XS(30, "IQ4_XS - 4.25 bpw"),
  IQ1_M(31, "IQ1_M - 1.75 bpw"),
  BF16(32, "BF16"),
  TQ1_0(36, "TQ1_0 - 1.69 bpw ternary"),
  TQ2_0(37, "TQ2_0 - 2.06 bpw ternary"),
  MXFP4_MOE(38, "MXFP4 MoE"),
  NVFP4(39, "NVFP4");

  /** {@code LLAMA_FTYPE_GUESSED}: set by llama.cpp when the file has no {@code file_type}. */
  public static final int GUESSED = 1024;

  private final int id;
  private final String description;

  FileType(int id, String description) {
    this.id = id;
    this.description = description;
  }

  public int id() {
    return id;
  }

  /** As llama-bench prints it, e.g. {@code Q4_K - Medium}. */
  public String description() {
    return description;
  }

  public static Optional<FileType> byId(long id) {
    for (FileType t : values()) {
      if (t.id == id) return Optional.of(t);
    }
    return Optional.empty();
  }

  /**
   * The file type llama.cpp's loader guesses from the most common tensor type when a file has no
   * {@code general.file_type} ({@code llama_model_loader}'s switch on {@code type_max}).
   */
  public static Optional<FileType> guessFrom(GgmlType mostCommon) {
    switch (mostCommon) {
      case F32:
        return Optional.of(ALL_F32);
      case F16:
        return Optional.of(F16);
      case BF16:
        return Optional.of(BF16);
      case Q4_0:
        return Optional.of(Q4_0);
      case Q4_1:
        return Optional.of(Q4_1);
      case Q5_0:
        return Optional.of(Q5_0);
      case Q5_1:
        return Optional.of(Q5_1);
      case Q8_0:
        return Optional.of(Q8_0);
      case Q2_K:
        return Optional.of(Q2_K);
      case Q3_K:
        return Optional.of(Q3_K_M);
      case Q4_K:
        return Optional.of(Q4_K_M);
      case Q5_K:
        return Optional.of(Q5_K_M);
      case Q6_K:
        return Optional.of(Q6_K);
      case TQ1_0:
        return Optional.of(TQ1_0);
      case TQ2_0:
        return Optional.of(TQ2_0);
      case IQ2_XXS:
        return Optional.of(IQ2_XXS);
      case IQ2_XS:
        return Optional.of(IQ2_XS);
      case IQ2_S:
        return Optional.of(IQ2_S);
      case IQ3_XXS:
        return Optional.of(IQ3_XXS);
      case IQ1_S:
        return Optional.of(IQ1_S);
      case IQ1_M:
        return Optional.of(IQ1_M);
      case IQ4_NL:
        return Optional.of(IQ4_NL);
      case IQ4_XS:
        return Optional.of(IQ4_XS);
      case IQ3_S:
        return Optional.of(IQ3_S);
      case MXFP4:
        return Optional.of(MXFP4_MOE);
      default: // llama.cpp warns "unknown type" and takes all F32
        return Optional.of(ALL_F32);
    }
  }
}
