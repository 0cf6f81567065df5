package dev.tokbench.memory.ggml;

import java.util.Objects;

/**
 * A backend buffer that already holds a tensor before the graph is allocated: model weights ({@code
 * GGML_BACKEND_BUFFER_USAGE_WEIGHTS}, which the scheduler follows when it picks a backend for an
 * op) or the KV cache.
 *
 * @param type where the buffer lives
 * @param weights true for model weights
 */
public record Buffer(BufferType type, boolean weights) {
  public Buffer {
    Objects.requireNonNull(type, "type");
  }
}
