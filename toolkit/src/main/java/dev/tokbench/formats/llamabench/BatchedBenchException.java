package dev.tokbench.formats.llamabench;

/**
 * llama-batched-bench JSONL that cannot be read: the source, the 1-based line and the key ({@code
 * speed_pp}) where it went wrong.
 */
public class BatchedBenchException extends LlamaBenchFormatException {
  private final String key;

  public BatchedBenchException(String source, long line, String key, String message) {
    super(source, line, key.isEmpty() ? message : "key '" + key + "': " + message);
    this.key = key;
  }

  /** The key of the line that is wrong, or empty when the line as a whole is. */
  public String key() {
    return key;
  }
}
