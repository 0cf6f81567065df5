package dev.tokbench.fleet;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsJsonl;
import java.util.Optional;

/**
 * What a remote tokbench prints on stdout for one point, a line at a time: {@code tokbench-fleet 1
 * VERSION} first, {@code row {JSON}} for each row as its test finishes, {@code done N} once every
 * row is out. A point whose output stops before {@code done} did not finish; any other line is the
 * benchmark's own chatter and ignored.
 */
final class PointProtocol {
  static final String HELLO = "tokbench-fleet 1 ";
  static final String ROW = "row ";
  static final String DONE = "done ";

  private PointProtocol() {}

  static String hello(String version) {
    return HELLO + version;
  }

  static String row(BenchResult r) {
    return ROW + ResultsJsonl.line(r).strip();
  }

  static String done(int rows) {
    return DONE + rows;
  }

  /** The version a hello line names. */
  static Optional<String> version(String line) {
    return line.startsWith(HELLO) ? Optional.of(line.substring(HELLO.length())) : Optional.empty();
  }

  /** The row a row line holds ({@code source} and {@code lineNo} place a malformed one). */
  static Optional<BenchResult> row(String line, String source, long lineNo) {
    if (!line.startsWith(ROW)) return Optional.empty();
    return Optional.of(ResultsJsonl.parse(line.substring(ROW.length()), source, lineNo));
  }

  static boolean isDone(String line) {
    return line.startsWith(DONE);
  }
}
