package dev.tokbench.kernel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the kernel needs from whatever evaluates cells: run one, stop it, and answer the editor's
 * questions (completion, completeness, inspection). The kernel speaks the protocol; the engine
 * knows Java.
 */
public interface CellEngine extends AutoCloseable {
  /**
   * Runs a cell, reporting output to {@code listener} as it happens (from any thread, including
   * threads the cell started), and returns how it ended.
   */
  CellOutcome run(String code, CellListener listener);

  /** Stops the running cell, if any; the engine stays usable. */
  void interrupt();

  /** Completions for the text at {@code cursor}. */
  Completion complete(String code, int cursor);

  /** One of {@code complete}, {@code incomplete}, {@code invalid}, {@code unknown}. */
  String isComplete(String code);

  /** Signature and documentation of the symbol at {@code cursor}, as plain text. */
  Optional<String> inspect(String code, int cursor);

  @Override
  void close();

  /** Receives a running cell's output. */
  interface CellListener {
    void stdout(String text);

    void stderr(String text);

    /** A rich value shown mid-cell: MIME type to data (base64 for binary types). */
    void display(Map<String, String> mimeBundle);
  }

  /** How a cell ended: with a value to show, with nothing, or with an error. */
  record CellOutcome(Map<String, String> result, Optional<CellError> error) {
    public CellOutcome {
      result = Map.copyOf(result);
    }

    public static CellOutcome value(Map<String, String> bundle) {
      return new CellOutcome(bundle, Optional.empty());
    }

    public static CellOutcome nothing() {
      return new CellOutcome(Map.of(), Optional.empty());
    }

    public static CellOutcome failed(CellError error) {
      return new CellOutcome(Map.of(), Optional.of(error));
    }
  }

  /** An error as Jupyter shows it: exception name, message, and the lines of a traceback. */
  record CellError(String name, String message, List<String> traceback) {
    public CellError {
      traceback = List.copyOf(traceback);
    }
  }

  /** Completion candidates replacing {@code [start, end)} of the cell. */
  record Completion(List<String> matches, int start, int end) {
    public Completion {
      matches = List.copyOf(matches);
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad completion range " + start + ".." + end);
      }
    }
  }
}
