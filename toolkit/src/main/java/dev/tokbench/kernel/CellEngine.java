package dev.tokbench.kernel;

import dev.tokbench.notebook.CellError;
import dev.tokbench.notebook.CellListener;
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
   * threads the cell started), and returns how it ended. The listener and the error are the
   * notebook runner's: a cell is a cell, headless or in the kernel.
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
