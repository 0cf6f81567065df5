package dev.tokbench.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which settings vary within a group of configurations and which are the same for all: a table
 * makes the varying ones columns (or splits on them) and states the constant ones once above
 * itself. A setting varies when the configurations that state it give it two or more values; one
 * that some configurations do not state (a llama-bench Markdown table prints only the columns away
 * from their default) but that the others agree on is constant, and {@link #unstated} says so.
 *
 * @param constant the settings with one value, in display order
 * @param varying the names of the settings with several values, in display order
 * @param unstated the constant settings that some configurations do not state
 */
public record Variation(Map<String, String> constant, List<String> varying, Set<String> unstated) {
  public Variation {
    constant = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constant));
    varying = List.copyOf(varying);
    unstated = Set.copyOf(unstated);
  }

  /** The variation over these settings. */
  public static Variation of(List<Settings> all) {
    Set<String> names = new LinkedHashSet<>();
    for (Settings s : all) names.addAll(s.names());
    List<String> ordered = new ArrayList<>(names);
    ordered.sort(Comparator.comparingInt(Settings::rank));
    Map<String, String> constant = new LinkedHashMap<>();
    List<String> varying = new ArrayList<>();
    Set<String> unstated = new LinkedHashSet<>();
    for (String n : ordered) {
      Set<String> values = new LinkedHashSet<>();
      boolean everywhere = true;
      for (Settings s : all) {
        if (s.has(n)) values.add(s.get(n));
        else everywhere = false;
        if (values.size() > 1) break;
      }
      if (values.size() > 1) {
        varying.add(n);
      } else {
        constant.put(n, values.iterator().next());
        if (!everywhere) unstated.add(n);
      }
    }
    return new Variation(constant, varying, unstated);
  }

  /** The variation over the settings of these configurations. */
  public static Variation ofRuns(List<MergedRuns> configurations) {
    return of(configurations.stream().map(MergedRuns::settings).toList());
  }

  /** True when the named setting has several values within the group. */
  public boolean varies(String name) {
    return varying.contains(name);
  }
}
