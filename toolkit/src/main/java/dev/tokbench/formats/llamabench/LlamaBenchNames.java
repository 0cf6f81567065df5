package dev.tokbench.formats.llamabench;

/**
 * The names llama-bench's rows are known by: its test names, the quantization from llama.cpp's
 * file-type name, and the model name from the file name.
 */
public final class LlamaBenchNames {
  private LlamaBenchNames() {}

  /** llama-bench's test name: {@code pp512}, {@code tg128}, {@code pp512+tg128}, {@code @ d256}. */
  public static String testName(int nPrompt, int nGen, int nDepth) {
    String name;
    if (nPrompt > 0 && nGen == 0) name = "pp" + nPrompt;
    else if (nGen > 0 && nPrompt == 0) name = "tg" + nGen;
    else name = "pp" + nPrompt + "+tg" + nGen;
    return nDepth > 0 ? name + " @ d" + nDepth : name;
  }

  /**
   * The quantization as llama-quantize names it, from llama.cpp's file-type name in {@code
   * model_type} ({@code llama 1B Q4_K - Medium} gives {@code Q4_K_M}).
   */
  public static String quant(String modelType) {
    if (modelType == null) return "";
    // "<arch> <size> <file type>", e.g. "llama 1B Q4_K - Medium"
    String type = modelType.replace(" (guessed)", "");
    int first = type.indexOf(' ');
    int second = first < 0 ? -1 : type.indexOf(' ', first + 1);
    if (second < 0) return "";
    String ftype = type.substring(second + 1).trim();
    if (ftype.startsWith("mostly ")) ftype = ftype.substring(7); // "mostly Q4_0" before 2024
    if (ftype.equals("all F32")) return "F32";
    if (ftype.equals("Q2_K - Medium")) return "Q2_K"; // llama_model_ftype_name's name for Q2_K
    int dash = ftype.indexOf(" - ");
    if (dash < 0) return ftype.replace(' ', '_');
    String size = ftype.substring(dash + 3);
    String base = ftype.substring(0, dash);
    return switch (size) {
      case "Small" -> base + "_S";
      case "Medium" -> base + "_M";
      case "Large" -> base + "_L";
      default -> base; // "IQ2_XXS - 2.0625 bpw"
    };
  }

  /**
   * The model's file name without directory, extension and quantization suffix ({@code
   * llama-3.2-1b}); the Markdown table has no file name, so there it is {@code model_type} without
   * the file type ({@code llama 1B}).
   */
  static String modelName(LlamaBenchRecord r) {
    String file = r.get("model_filename");
    String type = r.get("model_type");
    if (file != null && !file.isBlank()) return modelName(file, quant(type));
    if (type == null) return "";
    String[] parts = type.split(" ", 3);
    return parts.length >= 2 ? parts[0] + " " + parts[1] : type;
  }

  /**
   * The model's name from its file ({@code models/llama-3.2-1b-Q4_K_M.gguf}) and quantization
   * ({@code Q4_K_M}): {@code llama-3.2-1b}.
   */
  public static String modelName(String file, String quant) {
    String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    name = withoutSuffix(name, ".gguf");
    if (quant.isEmpty()) return name;
    String bare = withoutSuffix(name, quant);
    int end = bare.length();
    while (end > 0 && "-_.".indexOf(bare.charAt(end - 1)) >= 0) end--;
    return bare.length() == name.length() ? name : bare.substring(0, end);
  }

  /** {@code name} without a case-insensitive {@code suffix}, or unchanged if it lacks it. */
  private static String withoutSuffix(String name, String suffix) {
    int at = name.length() - suffix.length();
    return at >= 0 && name.regionMatches(true, at, suffix, 0, suffix.length())
        ? name.substring(0, at)
        : name;
  }
}
