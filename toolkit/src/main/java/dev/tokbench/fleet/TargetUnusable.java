package dev.tokbench.fleet;

/**
 * A target that cannot take (more) points: unreachable, lost mid-point, a failed install (a full
 * disk, no {@code java}), a remote tokbench of another version. Its points become failed rows with
 * this reason, run again by the next run of the sweep.
 */
final class TargetUnusable extends RuntimeException {
  TargetUnusable(String reason) {
    super(reason);
  }
}
