package dev.tokbench.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A declaration as JShell's {@code Documentation.signature()} prints it, taken apart: {@code
 * dev.tokbench.gguf.Gguf} (a type), {@code GgufFile Gguf.read(Path path)} (a method), {@code
 * StringBuilder(int capacity)} (a constructor) or {@code Gguf.MAGIC:int} (a field). Class names are
 * as the cell sees them: qualified for a type, usually simple for a member's class.
 *
 * @param className the declaring class (the type itself for a type), without type arguments
 * @param member the member's name, {@code <init>} for a constructor, empty for a type
 * @param parameterTypes simple erased parameter types ({@code String[]} for varargs); null when the
 *     member is not executable
 */
record Signature(String className, String member, List<String> parameterTypes) {
  static final String CONSTRUCTOR = "<init>";

  /** The parts of a JShell signature, or empty for one this does not understand. */
  static Optional<Signature> parse(String signature) {
    String s = eraseTypeArguments(signature).strip();
    int paren = s.indexOf('(');
    if (paren < 0) {
      int colon = s.indexOf(':');
      String name = colon < 0 ? s : s.substring(0, colon);
      if (colon < 0) {
        return Optional.of(new Signature(name, "", null));
      }
      int dot = name.lastIndexOf('.');
      return dot < 0
          ? Optional.empty()
          : Optional.of(new Signature(name.substring(0, dot), name.substring(dot + 1), null));
    }
    String head = s.substring(0, paren).strip();
    String params = s.substring(paren + 1, s.lastIndexOf(')'));
    String[] words = head.split("\\s+");
    String qualified = words[words.length - 1];
    if (words.length == 1) {
      return Optional.of(new Signature(qualified, CONSTRUCTOR, types(params)));
    }
    int dot = qualified.lastIndexOf('.');
    return dot < 0
        ? Optional.empty()
        : Optional.of(
            new Signature(
                qualified.substring(0, dot), qualified.substring(dot + 1), types(params)));
  }

  /** {@code Map<K, List<V>> x} becomes {@code Map x}: nested angle brackets removed. */
  static String eraseTypeArguments(String text) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (char c : text.toCharArray()) {
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Simple erased type of each {@code Type name} in a parameter list. */
  private static List<String> types(String params) {
    List<String> types = new ArrayList<>();
    for (String param : params.split(",")) {
      if (!param.isBlank()) {
        types.add(simpleType(param.strip().split("\\s+")[0]));
      }
    }
    return types;
  }

  /** {@code java.nio.file.Path} is {@code Path}; {@code String...} is {@code String[]}. */
  static String simpleType(String type) {
    String t = eraseTypeArguments(type).strip().replace("...", "[]");
    return t.substring(t.lastIndexOf('.', t.contains("[") ? t.indexOf('[') : t.length()) + 1);
  }
}
