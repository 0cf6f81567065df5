package dev.tokbench.run.tinygrad;

import dev.tokbench.energy.TimedRow;
import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.results.BenchResult;
import dev.tokbench.run.RunEnergy;
import dev.tokbench.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A tinygrad run as its phases. Without BEAM options: one launch. With {@code cold}: first a run
 * without BEAM on a fresh empty {@code CACHEDB} (a temporary folder, removed after). With {@code
 * beam N}: a {@code JITBEAM=N} search on the run's cache (tinygrad's, or {@code CACHEDB}), whose
 * rows are kept apart as {@link BeamPhase#SEARCH} with its wall time, then the {@code warm} run
 * with the same {@code JITBEAM} on the cache it filled. {@code IGNORE_BEAM_CACHE=1} reaches the
 * search only (it searches again over a warm cache); the warm run gets {@code 0}, since reading the
 * cache is its point.
 */
final class TinygradPhases {
  private final Tinygrad run;
  private final PhaseLaunch launch;

  TinygradPhases(Tinygrad run) {
    this.run = run;
    this.launch = new PhaseLaunch(run);
  }

  /**
   * Runs the phases under one energy measurement (its idle baseline before the first launch), each
   * row handed on once its energy is known.
   */
  RunResult run(Consumer<BenchResult> sink) {
    List<BenchResult> rows = Collections.synchronizedList(new ArrayList<>());
    Consumer<BenchResult> out =
        r -> {
          rows.add(r);
          sink.accept(r);
        };
    ProcessOutcome last;
    try (RunEnergy energy = RunEnergy.start(run.settings().energyOrDefault(), out)) {
      last = phases(t -> measured(energy, t));
    }
    return new RunResult(List.copyOf(rows), last, run.settings().log());
  }

  private static void measured(RunEnergy energy, Timed t) {
    if (t.timed() == null) energy.row(t.row());
    else energy.row(t.row(), t.timed(), t.also());
  }

  /** Every phase the options ask for, in order; how the last launch ended. */
  private ProcessOutcome phases(Consumer<Timed> sink) {
    TinygradOptions o = run.options();
    if (!o.cold() && !o.searches()) return launch.run(PhaseLaunch.Phase.plain(), sink).outcome();
    ProcessOutcome last = null;
    if (o.cold()) last = cold(sink).outcome();
    if (o.searches()) last = warm(search(sink), sink).outcome();
    return last;
  }

  private PhaseLaunch.Launched cold(Consumer<Timed> sink) {
    Path dir = freshCacheDir();
    try {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("CACHEDB", dir.resolve("cache.db").toString());
      zeroIfSet(env, "JITBEAM", "BEAM");
      Map<String, String> flags = Map.of("beam_cache_fresh", "true");
      return launch.run(new PhaseLaunch.Phase(BeamPhase.COLD, env, null, flags, Map.of()), sink);
    } finally {
      delete(dir);
    }
  }

  /**
   * The search's rows wait for its end, so they carry its wall time and, as {@code phase_}, the
   * energy of its whole launch (loading, compiling and searching as well as the timed calls).
   */
  private PhaseLaunch.Launched search(Consumer<Timed> sink) {
    Map<String, String> env = Map.of("JITBEAM", width());
    Integer cap = run.options().searchTimeoutS();
    Duration timeout = cap == null ? null : Duration.ofSeconds(cap);
    PhaseLaunch.Phase phase =
        new PhaseLaunch.Phase(BeamPhase.SEARCH, env, timeout, Map.of(), Map.of());
    PhaseLaunch.Launched s = launch.run(phase, r -> {});
    String wall = seconds(s.outcome().elapsed());
    TimedRow whole = TinygradWindows.launch("search", s.startNs(), s.endNs());
    List<Timed> rows = new ArrayList<>();
    for (Timed r : s.rows()) {
      Timed timed = r.map(x -> x.withExtra("phase_wall_s", wall));
      if (timed.timed() != null) timed = timed.plus(TinygradWindows.PHASE, whole);
      rows.add(timed);
      sink.accept(timed);
    }
    return new PhaseLaunch.Launched(rows, s.outcome(), s.startNs(), s.endNs());
  }

  /**
   * The measured run on the cache the search filled. After a search cut by its timeout the cache
   * holds part of it (tinygrad stores each kernel's result as it is found), so the warm run still
   * runs, marked {@code beam_search_finished=false}; after a search that failed otherwise it would
   * fail the same way, so its rows are failed ones saying why.
   */
  private PhaseLaunch.Launched warm(PhaseLaunch.Launched search, Consumer<Timed> sink) {
    ProcessOutcome s = search.outcome();
    Map<String, String> env = new LinkedHashMap<>(Map.of("JITBEAM", width()));
    if (isSet("IGNORE_BEAM_CACHE")) env.put("IGNORE_BEAM_CACHE", "0");
    Map<String, String> flags = Map.of("beam_search_finished", Boolean.toString(s.succeeded()));
    Map<String, String> extra = Map.of("beam_search_wall_s", seconds(s.elapsed()));
    PhaseLaunch.Phase phase = new PhaseLaunch.Phase(BeamPhase.WARM, env, null, flags, extra);
    if (s.succeeded() || s.timedOut()) return launch.run(phase, sink);
    String why = s.failureReason().lines().findFirst().orElse("");
    return launch.notRun(phase, "not run: the BEAM search before it failed (" + why + ")", sink);
  }

  private String width() {
    return run.options().beam().toString();
  }

  /** Sets each variable the run would otherwise get (given or inherited) to 0. */
  private void zeroIfSet(Map<String, String> env, String... names) {
    for (String n : names) {
      if (isSet(n)) env.put(n, "0");
    }
  }

  private boolean isSet(String name) {
    String given = run.spec().env().get(name);
    return given != null ? !given.isBlank() : System.getenv(name) != null;
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
  }

  private static Path freshCacheDir() {
    try {
      return Files.createTempDirectory("tokbench-tinygrad-cold-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a fresh folder for the cold run's CACHEDB", e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      // a cache left in the temporary folder costs disk space, not correctness
    }
  }
}
