package dev.tokbench.run.llamacpp;

import dev.tokbench.formats.llamalog.LlamaLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What llama-bench's {@code -v} stderr says about each test's memory: the model's buffers ({@code
 * load_tensors}) and, per test, the buffers of the context it ran in (llama-bench makes one context
 * per test, in matrix order: {@code llama_context: constructing llama_context}, then the output, KV
 * and compute buffers). Lines are kept by context, so a row gets its own context's buffers however
 * stdout and stderr interleave.
 */
final class ContextMemory {
  /** Lines kept per context (llama.cpp prints a handful of buffer lines per context). */
  private static final int MAX_LINES = 64;

  private static final String NEW_CONTEXT = "llama_context: constructing llama_context";

  private final List<String> model = new ArrayList<>();
  private final List<List<String>> contexts = new ArrayList<>();
  private boolean modelDone;

  /** One stderr line, in order. */
  synchronized void accept(String line) {
    if (line.contains(NEW_CONTEXT)) {
      contexts.add(new ArrayList<>(model)); // the model the context was made from
      modelDone = true;
      return;
    }
    if (!line.contains("buffer size")) return;
    if (line.contains("load_tensors:")) {
      if (modelDone) model.clear(); // another model, for the tests that follow
      modelDone = false;
      if (model.size() < MAX_LINES) model.add(line);
    } else if (!contexts.isEmpty() && contexts.get(contexts.size() - 1).size() < 2 * MAX_LINES) {
      contexts.get(contexts.size() - 1).add(line);
    }
  }

  /**
   * The {@code extra} keys of the {@code index}-th test of this launch (0-based): its model's and
   * its context's buffers; none when llama-bench printed none for it (no {@code -v}).
   */
  synchronized Map<String, String> of(int index) {
    if (index >= contexts.size()) return Map.of();
    return LlamaLog.bufferFields("llama-bench -v stderr", contexts.get(index));
  }
}
