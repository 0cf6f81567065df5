package dev.tokbench.testing;

import org.quicktheories.QuickTheory;

/**
 * QuickTheories as the property tests use it: a fixed seed, so that a failure replays in CI and on
 * a laptop alike; {@code -Dtokbench.seed=N} explores another part of the space.
 */
public final class Properties {
  private static final long SEED = Long.getLong("tokbench.seed", 20_261_201L);

  private Properties() {}

  /** A theory of {@code examples} cases drawn from the fixed seed. */
  public static QuickTheory qt(int examples) {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(examples);
  }
}
