package dev.tokbench.run.llamacpp;

import java.util.ArrayList;
import java.util.List;

/**
 * llama-bench's tests as its flags give them: {@code -p} and {@code -n} lists (ranges allowed,
 * default 512 and 128), {@code -pg} one prompt,generation pair per flag (no default). Each
 * combination of the other parameters runs the prompt tests, then the generation tests, then the
 * pairs, leaving out zeros.
 */
final class TestFlags {
  private final List<String> prompts = new ArrayList<>();
  private final List<String> gens = new ArrayList<>();
  private final List<int[]> pairs = new ArrayList<>();
  private final List<String> given = new ArrayList<>();

  boolean takes(String flag) {
    return switch (flag) {
      case "-p", "--n-prompt", "-n", "--n-gen", "-pg" -> true;
      default -> false;
    };
  }

  void add(String flag, String value) {
    given.addAll(List.of(flag, value));
    switch (flag) {
      case "-p", "--n-prompt" -> prompts.addAll(LlamaBenchParam.ranges(flag, value, false));
      case "-n", "--n-gen" -> gens.addAll(LlamaBenchParam.ranges(flag, value, false));
      default -> pairs.add(pair(value));
    }
  }

  private static int[] pair(String value) {
    String[] p = value.split(",", -1);
    try {
      if (p.length == 2) return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "llama-bench -pg takes a prompt and a generation length, such as 512,128; got '"
            + value
            + "'");
  }

  /** The flags as they were given. */
  List<String> asGiven() {
    return List.copyOf(given);
  }

  /** Every test, in the order llama-bench runs them for one combination. */
  List<TestShape> tests() {
    List<TestShape> out = new ArrayList<>();
    for (String p : prompts.isEmpty() ? List.of("512") : prompts) {
      int n = Integer.parseInt(p);
      if (n != 0) out.add(new TestShape(TestShape.Kind.PROMPT, n, 0));
    }
    for (String g : gens.isEmpty() ? List.of("128") : gens) {
      int n = Integer.parseInt(g);
      if (n != 0) out.add(new TestShape(TestShape.Kind.GENERATION, 0, n));
    }
    for (int[] pg : pairs) {
      if (pg[0] != 0 || pg[1] != 0) out.add(new TestShape(TestShape.Kind.BOTH, pg[0], pg[1]));
    }
    return out;
  }

  /** Flags that make llama-bench run exactly {@code tests} (in their order), and nothing else. */
  static List<String> render(List<TestShape> tests) {
    List<String> pp = new ArrayList<>();
    List<String> tg = new ArrayList<>();
    List<String> out = new ArrayList<>();
    List<String> pg = new ArrayList<>();
    for (TestShape t : tests) {
      switch (t.kind()) {
        case PROMPT -> pp.add(Integer.toString(t.nPrompt()));
        case GENERATION -> tg.add(Integer.toString(t.nGen()));
        case BOTH -> pg.addAll(List.of("-pg", t.nPrompt() + "," + t.nGen()));
      }
    }
    out.addAll(List.of("-p", pp.isEmpty() ? "0" : String.join(",", pp)));
    out.addAll(List.of("-n", tg.isEmpty() ? "0" : String.join(",", tg)));
    out.addAll(pg);
    return out;
  }
}
