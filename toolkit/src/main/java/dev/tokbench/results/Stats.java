package dev.tokbench.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Mean, median and sample standard deviation (n - 1, as llama-bench computes it). */
public final class Stats {
  private Stats() {}

  public static double mean(List<Double> xs) {
    if (xs.isEmpty()) return Double.NaN;
    double s = 0;
    for (double x : xs) s += x;
    return s / xs.size();
  }

  public static double median(List<Double> xs) {
    if (xs.isEmpty()) return Double.NaN;
    List<Double> sorted = new ArrayList<>(xs);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  public static double stddev(List<Double> xs) {
    if (xs.size() < 2) return xs.isEmpty() ? Double.NaN : 0;
    double m = mean(xs);
    double ss = 0;
    for (double x : xs) ss += (x - m) * (x - m);
    return Math.sqrt(ss / (xs.size() - 1));
  }
}
