package dev.tokbench.report;

import java.util.List;
import java.util.Map;

/**
 * One claim as a claims file states it: the sentence quoted, the figures it rests on, what is
 * computed from them, the text of the result and the conditions of its verdict. See {@code
 * docs/reports.md} ("Claims of your own report") for the format.
 *
 * @param id its key, unique in the file
 * @param section where the report makes it
 * @param quote the sentence, as the report prints it
 * @param figures named look-ups ({@link ClaimFigures}), each a map of key to text
 * @param lists named lists: one value per combination of {@code for_each}
 * @param compute named computations, in order: kind and operands ({@code gain on off})
 * @param says the computed text ({@link ClaimTemplate})
 * @param missing why it cannot be checked when a figure is missing; null to name the figures
 * @param requires conditions without which it cannot be checked
 * @param rule how the verdict follows: fixed, holds/partly, or share
 * @param line where it starts in the file
 */
record ClaimSpec(
    String id,
    String section,
    String quote,
    Map<String, Figure> figures,
    Map<String, ListSpec> lists,
    Map<String, List<String>> compute,
    String says,
    String missing,
    List<ClaimCondition> requires,
    Rule rule,
    int line) {
  ClaimSpec {
    figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
    lists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lists));
    compute = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(compute));
    requires = List.copyOf(requires);
  }

  /**
   * A look-up: its keys (one of {@link ClaimFigures#KINDS} and its qualifiers), whether the claim
   * can do without it, and its line.
   */
  record Figure(Map<String, String> keys, boolean optional, int line) {
    Figure {
      keys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keys));
    }
  }

  /**
   * A list: the figures and computations of each combination of the {@code forEach} values ({@code
   * every llama.cpp model} or a list), the computed name that is each item's number, and how an
   * item prints.
   */
  record ListSpec(
      Map<String, List<String>> forEach,
      Map<String, Figure> figures,
      Map<String, List<String>> compute,
      String value,
      String item) {}

  /**
   * How the verdict follows: {@code fixed} when given; else {@code share} (all items and conditions
   * hold: holds, some: partly, none: does not hold) when not empty; else holds when all of {@code
   * holds} do, partly when all of {@code partly} do (and it is not empty), does not hold.
   */
  record Rule(
      Verdict fixed,
      List<ClaimCondition> holds,
      List<ClaimCondition> partly,
      List<ClaimCondition> share) {
    Rule {
      holds = List.copyOf(holds);
      partly = List.copyOf(partly);
      share = List.copyOf(share);
    }
  }
}
