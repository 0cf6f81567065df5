package dev.tokbench.memory;

import java.util.Objects;

/**
 * One buffer llama.cpp allocates, as its log names it: {@code load_tensors: CUDA0 model buffer
 * size}, {@code llama_kv_cache: CUDA0 KV buffer size}, {@code sched_reserve: CUDA_Host compute
 * buffer size}, {@code llama_context: CUDA_Host output buffer size}.
 *
 * @param component what it holds
 * @param buffer the buffer type's name, e.g. {@code CUDA0}, {@code CPU_Mapped}, {@code CUDA_Host}
 * @param device {@code GPU} or {@code Host}: the memory it takes
 * @param bytes its size
 */
public record BufferSize(Component component, String buffer, String device, long bytes) {
  public BufferSize {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(buffer, "buffer");
    Objects.requireNonNull(device, "device");
    if (bytes < 0) throw new IllegalArgumentException("negative buffer size " + bytes);
  }

  /** What a buffer holds; {@link #key} is how JSON names it. */
  public enum Component {
    MODEL("model"),
    KV("kv"),
    COMPUTE("compute"),
    OUTPUT("output");

    private final String key;

    Component(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** MiB with two decimals, as llama.cpp prints buffer sizes. */
  public double mib() {
    return bytes / (1024.0 * 1024.0);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT, "%s %s buffer %.2f MiB", buffer, component.key(), mib());
  }
}
