package dev.tokbench.formats.tinygrad;

import dev.tokbench.results.BenchResult;
import java.util.Locale;
import java.util.Optional;

/**
 * Which part of a BEAM run a tinygrad row comes from, recorded in its flag {@code phase}: a {@code
 * cold} run on a fresh empty cache without BEAM, the {@code search} (a {@code JITBEAM=N} run that
 * fills the cache; its rates are kept but are not measurements, so its test reads {@code search
 * tg128} and pairs with nothing), and the {@code warm} run on the cache the search filled.
 */
public enum BeamPhase {
  COLD,
  SEARCH,
  WARM;

  /** The flag that holds a row's phase. */
  public static final String FLAG = "phase";

  /** The flag that holds the search width ({@code JITBEAM}) of the search and warm phases. */
  public static final String WIDTH_FLAG = "beam";

  /** What the search phase's test names start with. */
  public static final String SEARCH_PREFIX = "search ";

  /** {@code cold}, {@code search}, {@code warm}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The test name a row of this phase gets: the search's is set apart from measurements. */
  public String test(String measuredTest) {
    return this == SEARCH ? SEARCH_PREFIX + measuredTest : measuredTest;
  }

  /** The row's phase, if it has one. */
  public static Optional<BeamPhase> of(BenchResult r) {
    String label = r.flags().get(FLAG);
    if (label == null) return Optional.empty();
    for (BeamPhase p : values()) {
      if (p.label().equals(label)) return Optional.of(p);
    }
    return Optional.empty();
  }

  /** True for a row of a search phase: its rates are not a measurement. */
  public static boolean isSearch(BenchResult r) {
    return of(r).orElse(null) == SEARCH;
  }

  /** The test a row measures, without the search phase's prefix. */
  public static String measuredTest(BenchResult r) {
    String t = r.test();
    return isSearch(r) && t.startsWith(SEARCH_PREFIX) ? t.substring(SEARCH_PREFIX.length()) : t;
  }
}
