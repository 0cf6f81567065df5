package dev.tokbench.fleet;

import dev.tokbench.sweep.SweepPoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points left to run, each handed to the first free target that fits it. A target takes only
 * points it fits; a point that no live target fits stays, and is reported when every target is done
 * or lost.
 */
final class WorkQueue {
  private final Fleet fleet;
  private final String framework;
  private final List<SweepPoint> left;
  private final Map<String, String> lost = new LinkedHashMap<>();

  WorkQueue(Fleet fleet, String framework, List<SweepPoint> points) {
    this.fleet = fleet;
    this.framework = framework;
    this.left = new ArrayList<>(points);
  }

  Map<String, String> placement(SweepPoint p) {
    return fleet.placement(p.values(), framework);
  }

  /** The next point {@code t} fits, or null when there is none. */
  synchronized SweepPoint take(Target t) {
    List<SweepPoint> one = take(t, 1);
    return one.isEmpty() ? null : one.get(0);
  }

  /** Up to {@code max} points {@code t} fits, taken off the queue. */
  synchronized List<SweepPoint> take(Target t, int max) {
    List<SweepPoint> out = new ArrayList<>();
    for (Iterator<SweepPoint> it = left.iterator(); it.hasNext() && out.size() < max; ) {
      SweepPoint p = it.next();
      if (t.fits(placement(p))) {
        out.add(p);
        it.remove();
      }
    }
    return out;
  }

  /** Puts back a point a target took but could not start (its files could not be sent). */
  synchronized void putBack(SweepPoint p) {
    left.add(0, p);
  }

  /** Records that {@code t} takes no more points, and why. */
  synchronized void lost(Target t, String reason) {
    lost.put(t.name(), reason);
  }

  /** What is left once every target stopped, each with why no target ran it. */
  synchronized Map<SweepPoint, String> leftOver() {
    Map<SweepPoint, String> out = new LinkedHashMap<>();
    for (SweepPoint p : left) {
      List<Target> fit = fleet.fitting(placement(p));
      String why =
          fit.isEmpty()
              ? "no target of the fleet fits " + placement(p)
              : "no live target could run it: "
                  + String.join(
                      "; ",
                      fit.stream()
                          .map(t -> lost.getOrDefault(t.name(), t.name() + ": stopped"))
                          .toList());
      out.put(p, why);
    }
    return out;
  }
}
