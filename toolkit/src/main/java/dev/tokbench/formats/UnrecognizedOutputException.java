package dev.tokbench.formats;

import dev.tokbench.BadInputException;

/**
 * A file given to import whose content matches none of the formats tokbench reads; the message
 * names the file and quotes how it starts.
 */
public class UnrecognizedOutputException extends BadInputException {
  private final String source;
  private final String seen;

  public UnrecognizedOutputException(String source, String seen) {
    super(
        source
            + ":1: not a benchmark output tokbench recognises: it starts with '"
            + seen
            + "'; expected llama-bench json, jsonl, csv, md or sql, a tinygrad llama3.py log,"
            + " tinygrad_bench.py JSON lines, a vLLM --output-json or an MLC LLM bench CSV (name one with --format)");
    this.source = source;
    this.seen = seen;
  }

  /** The file or stream read. */
  public String source() {
    return source;
  }

  /** The start of its first non-blank line, abbreviated. */
  public String seen() {
    return seen;
  }
}
