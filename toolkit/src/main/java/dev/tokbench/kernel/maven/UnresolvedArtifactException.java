package dev.tokbench.kernel.maven;

import dev.tokbench.BadInputException;

/**
 * An artifact or one of its dependencies could not be resolved: missing from the local repository
 * while offline, absent from the remote one, or unreachable. The message names the artifact and the
 * repositories tried.
 */
public final class UnresolvedArtifactException extends BadInputException {
  public UnresolvedArtifactException(String message, Throwable cause) {
    super(message, cause);
  }
}
