package dev.tokbench.run.tinygrad;

import dev.tokbench.device.Tegrastats;
import dev.tokbench.formats.tinygrad.BeamPhase;
import dev.tokbench.process.Launcher;
import dev.tokbench.process.ProcessOutcome;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.run.RunProvenance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One launch of a tinygrad run's program for one phase: the variables of the phase on top of the
 * run's, the BEAM cache as it was before and after in every row's provenance, and each row marked
 * with its phase.
 */
final class PhaseLaunch {
  /** tinygrad variables recorded in the flags also when inherited rather than set by the run. */
  private static final List<String> INHERITED =
      List.of("BEAM", "JITBEAM", "CACHEDB", "CACHELEVEL", "IGNORE_BEAM_CACHE", "XDG_CACHE_HOME");

  private final Tinygrad run;

  PhaseLaunch(Tinygrad run) {
    this.run = run;
  }

  /**
   * A phase: {@code phase} null for a run without phases, the variables it sets, its timeout (null:
   * the run's), and the flags and extra fields its rows get.
   */
  record Phase(
      BeamPhase phase,
      Map<String, String> env,
      Duration timeout,
      Map<String, String> flags,
      Map<String, String> extra) {
    static Phase plain() {
      return new Phase(null, Map.of(), null, Map.of(), Map.of());
    }

    BenchResult mark(BenchResult r) {
      if (phase == null) return r;
      Map<String, String> f = new TreeMap<>(r.flags());
      f.putAll(flags);
      f.put(BeamPhase.FLAG, phase.label());
      String width = env.get("JITBEAM");
      if (width != null && !width.equals("0")) f.put(BeamPhase.WIDTH_FLAG, width);
      Map<String, String> e = new TreeMap<>(r.extra());
      e.putAll(extra);
      return r.toBuilder()
          .test(phase.test(r.test()), r.nPrompt(), r.nGen(), r.nDepth())
          .flags(f)
          .extra(e)
          .build();
    }
  }

  /**
   * What a launch gave: its rows, marked, with their times; how its process ended; and when it ran
   * on the energy sampler's clock ({@link System#nanoTime()}).
   */
  record Launched(List<Timed> rows, ProcessOutcome outcome, long startNs, long endNs) {}

  /** Launches the phase; each row goes to {@code sink} as soon as it is known. */
  Launched run(Phase p, Consumer<Timed> sink) {
    ProcessSpec spec = run.spec(p.env(), p.timeout());
    String missing = run.missingInput();
    if (!missing.isEmpty()) return notRun(p, missing, sink);
    BeamCache before = BeamCache.locate(spec.env(), run.checkout().dir());
    List<Timed> rows = new ArrayList<>();
    Consumer<Timed> marked = marking(p, rows, sink);
    TinygradProgram.Reader reader =
        run.program().reader(flags(spec, before), provenance(spec, before), marked);
    ProcessOutcome outcome;
    Map<String, String> after = new LinkedHashMap<>();
    long start = System.nanoTime();
    try (Tegrastats tegrastats = Tegrastats.start(spec.env())) {
      outcome = Launcher.run(spec, reader);
      after.putAll(tegrastats.drain().provenance());
    }
    long end = System.nanoTime();
    after.put("beam_cache_bytes_after", Long.toString(before.now().bytes()));
    for (Timed r : reader.finish(outcome)) marked.accept(r.map(x -> x.withProvenance(after)));
    return new Launched(rows, outcome, start, end);
  }

  /** The phase's rows as failed ones, without launching anything. */
  Launched notRun(Phase p, String reason, Consumer<Timed> sink) {
    ProcessSpec spec = run.spec(p.env(), p.timeout());
    BeamCache before = BeamCache.locate(spec.env(), run.checkout().dir());
    List<Timed> rows = new ArrayList<>();
    Consumer<Timed> marked = marking(p, rows, sink);
    run.program().failed(reason, flags(spec, before), provenance(spec, before)).stream()
        .map(Timed::untimed)
        .forEach(marked);
    ProcessOutcome none =
        new ProcessOutcome(
            spec.commandLine(), Instant.now(), Duration.ZERO, -1, false, reason, List.of());
    long now = System.nanoTime();
    return new Launched(rows, none, now, now);
  }

  private static Consumer<Timed> marking(Phase p, List<Timed> rows, Consumer<Timed> sink) {
    return r -> {
      Timed m = r.map(p::mark);
      rows.add(m);
      sink.accept(m);
    };
  }

  private Map<String, String> flags(ProcessSpec spec, BeamCache cache) {
    Map<String, String> f = new LinkedHashMap<>();
    for (String name : INHERITED) {
      String inherited = System.getenv(name);
      if (inherited != null) f.put(name, inherited);
    }
    f.putAll(spec.env());
    f.remove("PYTHONUNBUFFERED");
    f.put("requested_backend", run.options().backend());
    if (run.program() instanceof Llama3Program l) f.put("size", l.size());
    f.put("beam_cache_existed", Boolean.toString(cache.exists()));
    return f;
  }

  private Map<String, String> provenance(ProcessSpec spec, BeamCache cache) {
    Map<String, String> p =
        RunProvenance.of(spec, Instant.now(), run.settings().machineOrDescribe());
    TinygradCheckout checkout = run.checkout();
    p.put("tinygrad_version", checkout.version());
    p.put("tinygrad_commit", checkout.commit());
    p.put(
        "backend_env",
        String.join(
            " ",
            checkout.backendEnv(run.options().backend()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList()));
    p.put("beam_cache", cache.describe());
    p.put("beam_cache_path", cache.path().toString());
    p.put("beam_cache_bytes_before", Long.toString(cache.bytes()));
    return p;
  }
}
