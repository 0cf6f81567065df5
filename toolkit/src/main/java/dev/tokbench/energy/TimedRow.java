package dev.tokbench.energy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A result row with the times its work ran, built by the rule that fits what the framework prints.
 *
 * <ul>
 *   <li>{@link #llamaBench}: llama-bench prints a row only when its test has ended, so the row's
 *       window is {@code [arrival - sum(samples_ns), arrival]}: its repetitions as if back to back
 *       right before the row arrived. Flagged {@link EnergyFlag#BACK_TO_BACK} when it had more than
 *       one repetition: the gaps between them (a context reset, at depth a restored KV cache) and
 *       the warm-up fall outside the window or shift it.
 *   <li>{@link #llamaBenchWithProgress}: with {@code --progress}, llama-bench prints {@code prompt
 *       run i/r} and {@code generation run i/r} on stderr right before each part of a repetition
 *       (its timer starts at the first); stamping those lines gives each repetition's own start,
 *       and {@code samples_ns[i]} its length: exact windows, and a {@code pg} test split into its
 *       prompt and generation parts.
 *   <li>{@link #tokens}: tinygrad prints a line per token with its own time; each token's window is
 *       {@code [arrival - its time, arrival]}.
 * </ul>
 *
 * @param label what the row is, e.g. {@code pp512} or the row's key
 * @param segments its work
 * @param flags what the rule could not know
 */
public record TimedRow(String label, List<Segment> segments, Set<EnergyFlag> flags) {
  public TimedRow {
    Objects.requireNonNull(label, "label");
    segments = List.copyOf(segments);
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    if (segments.isEmpty()) throw new IllegalArgumentException("row " + label + " has no segment");
  }

  /**
   * A llama-bench row that arrived at {@code arrivalNs} (on the sampler's monotonic axis) with its
   * {@code samples_ns}, for a test of {@code nPrompt} prompt and {@code nGen} generated tokens.
   */
  public static TimedRow llamaBench(
      String label, long arrivalNs, List<Long> samplesNs, int nPrompt, int nGen) {
    long total = samplesNs.stream().mapToLong(Long::longValue).sum();
    Phase phase = Phase.of(nPrompt, nGen);
    long tokens = (long) samplesNs.size() * (nPrompt + nGen);
    Set<EnergyFlag> flags =
        samplesNs.size() > 1
            ? EnumSet.of(EnergyFlag.BACK_TO_BACK)
            : EnumSet.noneOf(EnergyFlag.class);
    return new TimedRow(
        label, List.of(new Segment(phase, Window.endingAt(arrivalNs, total), tokens)), flags);
  }

  /**
   * A llama-bench row whose repetitions' starts were stamped from {@code --progress}: {@code
   * repStartNs[i]} when {@code prompt run i/r} (or, for a {@code tg} test, {@code generation run
   * i/r}) arrived, and for a {@code pg} test {@code genStartNs[i]} when {@code generation run i/r}
   * did (empty otherwise).
   */
  public static TimedRow llamaBenchWithProgress(
      String label,
      List<Long> repStartNs,
      List<Long> genStartNs,
      List<Long> samplesNs,
      int nPrompt,
      int nGen) {
    if (repStartNs.size() != samplesNs.size()) {
      throw new IllegalArgumentException(
          label
              + ": "
              + repStartNs.size()
              + " repetition starts for "
              + samplesNs.size()
              + " samples_ns");
    }
    boolean split = nPrompt > 0 && nGen > 0 && genStartNs.size() == samplesNs.size();
    List<Segment> out = new ArrayList<>();
    for (int i = 0; i < samplesNs.size(); i++) {
      long start = repStartNs.get(i);
      long end = start + samplesNs.get(i);
      if (split) {
        long gen = Math.min(Math.max(genStartNs.get(i), start), end);
        out.add(new Segment(Phase.PROMPT, new Window(start, gen), nPrompt));
        out.add(new Segment(Phase.GENERATION, new Window(gen, end), nGen));
      } else {
        out.add(new Segment(Phase.of(nPrompt, nGen), new Window(start, end), nPrompt + nGen));
      }
    }
    return new TimedRow(label, out, Set.of());
  }

  /**
   * Generated tokens that each arrived at {@code arrivalNs[i]} after {@code nanos[i]} of work
   * (tinygrad's {@code total N ms} line).
   */
  public static TimedRow tokens(String label, List<Long> arrivalNs, List<Long> nanos) {
    if (arrivalNs.size() != nanos.size()) {
      throw new IllegalArgumentException(
          label + ": " + arrivalNs.size() + " arrivals for " + nanos.size() + " token times");
    }
    List<Segment> out = new ArrayList<>();
    for (int i = 0; i < nanos.size(); i++) {
      out.add(new Segment(Phase.GENERATION, Window.endingAt(arrivalNs.get(i), nanos.get(i)), 1));
    }
    return new TimedRow(label, out, Set.of());
  }

  /** From the first segment's start to the last one's end. */
  public Window span() {
    long s = segments.stream().mapToLong(x -> x.window().startNs()).min().orElseThrow();
    long e = segments.stream().mapToLong(x -> x.window().endNs()).max().orElseThrow();
    return new Window(s, e);
  }
}
