package dev.tokbench.notebook;

import dev.tokbench.display.MimeBundle;
import java.util.Optional;

/**
 * What a cell produced: the value of its last expression (when it ends with one that has no
 * trailing semicolon), rendered, or the error that stopped it.
 *
 * @param value the last expression's value, rendered; empty when there is none
 * @param rawValue the value itself (null when there is none, or when the value was null)
 * @param error why the cell failed; empty when it succeeded
 */
public record CellResult(Optional<MimeBundle> value, Object rawValue, Optional<CellError> error) {
  public CellResult {
    value = value == null ? Optional.empty() : value;
    error = error == null ? Optional.empty() : error;
  }

  static CellResult of(MimeBundle value, Object raw) {
    return new CellResult(Optional.ofNullable(value), raw, Optional.empty());
  }

  static CellResult failed(CellError error) {
    return new CellResult(Optional.empty(), null, Optional.of(error));
  }

  public boolean ok() {
    return error.isEmpty();
  }

  @Override
  public String toString() {
    return error.map(e -> "failed: " + e).orElse(value.map(v -> "ok: " + v).orElse("ok"));
  }
}
