package dev.tokbench.serve;

/**
 * A launched server that never became ready: it ended first (a bad flag, a missing model), or its
 * readiness endpoint did not answer 200 in time. The message has its stderr tail and its log.
 */
public final class ServerStartException extends RuntimeException {
  public ServerStartException(String message) {
    super(message);
  }
}
