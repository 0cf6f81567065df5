package dev.tokbench.fleet;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The targets a sweep may use, as a fleet file names them.
 *
 * @param file where it was read from ({@code null} when built in code)
 * @param targets the targets, in the file's order
 */
public record Fleet(Path file, List<Target> targets) {
  public Fleet {
    targets = List.copyOf(targets);
    if (targets.isEmpty()) throw new IllegalArgumentException("a fleet needs a target");
  }

  /** The fleet a YAML or JSON fleet file declares. */
  public static Fleet read(Path file) {
    return FleetFile.read(file);
  }

  /** The fleet of these targets. */
  public static Fleet of(Target... targets) {
    return new Fleet(null, List.of(targets));
  }

  /** The target called {@code name}. */
  public Optional<Target> target(String name) {
    return targets.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * The values of a point that decide where it may run: those of its axes (and of {@code
   * framework}, the sweep's run.framework) that some target has a label for, singular or plural.
   */
  public Map<String, String> placement(Map<String, String> point, String framework) {
    Set<String> keys = new LinkedHashSet<>();
    for (Target t : targets) {
      for (String k : t.labels().keySet()) {
        keys.add(k);
        if (k.endsWith("s")) keys.add(k.substring(0, k.length() - 1));
      }
    }
    Map<String, String> all = new LinkedHashMap<>(point);
    if (framework != null) all.putIfAbsent("framework", framework);
    Map<String, String> wants = new LinkedHashMap<>();
    all.forEach(
        (k, v) -> {
          if (keys.contains(k)) wants.put(k, v);
        });
    return wants;
  }

  /** The targets that may run a point with these placement values. */
  public List<Target> fitting(Map<String, String> wants) {
    return targets.stream().filter(t -> t.fits(wants)).toList();
  }
}
