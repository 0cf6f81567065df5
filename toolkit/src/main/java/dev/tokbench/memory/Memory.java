package dev.tokbench.memory;

import dev.tokbench.gguf.Gguf;
import dev.tokbench.gguf.GgufFile;
import dev.tokbench.gguf.GgufModel;
import dev.tokbench.synth.Synth;
import dev.tokbench.synth.TensorPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Will it fit? The memory llama.cpp needs for a model, per device, derived from the graph llama.cpp
 * builds rather than from a formula:
 *
 * <pre>{@code
 * Memory.of(Path.of("model.gguf")).ctx(32768).cacheTypes("q8_0").device("RTX 4090").plan()
 * Memory.shape("llama-3.1-70b", "Q4_K_M").memory("64GiB").plan().fit()
 * }</pre>
 *
 * Every call returns a new {@code Memory}. Models a llama.cpp build with one CUDA GPU (or none) as
 * of upstream 2026-08; the per-device breakdown follows gguf-parser-go's ({@code
 * file_estimate__llamacpp.go}: weights, KV cache, computation, output per device), its numbers come
 * from replaying llama.cpp's scheduler and graph allocator instead of summing per-op guesses.
 */
public final class Memory {
  /** llama.cpp's {@code --fit} target: leave 1 GiB free per device. */
  public static final long DEFAULT_MARGIN = 1L << 30;

  private final ModelLayout model;
  private final MemoryOptions options;
  private final Target target;
  private final long margin;
  private final boolean allowLongContext;

  private Memory(
      ModelLayout model,
      MemoryOptions options,
      Target target,
      long margin,
      boolean allowLongContext) {
    this.model = Objects.requireNonNull(model);
    this.options = Objects.requireNonNull(options);
    this.target = Objects.requireNonNull(target);
    this.margin = margin;
    this.allowLongContext = allowLongContext;
  }

  public static Memory of(ModelLayout model) {
    return new Memory(model, MemoryOptions.defaults(), Target.ANY_GPU, DEFAULT_MARGIN, false);
  }

  /** A GGUF file (only its header is read; a header-only or truncated file is fine). */
  public static Memory of(Path path) {
    return of(Gguf.readModel(path));
  }

  public static Memory of(GgufFile file) {
    return of(new GgufModel(List.of(file), List.of()));
  }

  /** A model, split into shards or not; every shard must be present. */
  public static Memory of(GgufModel model) {
    if (!model.missing().isEmpty()) {
      throw new UnsupportedModelException("shards missing: " + model.missing());
    }
    return of(ModelLayouts.of(model));
  }

  /** A synthetic model's plan: tensors where {@code tokbench synth} would write them. */
  public static Memory of(TensorPlan plan) {
    return of(ModelLayouts.of(plan));
  }

  /** A catalogue shape ({@code data/synth/shapes.csv}) in a llama-quantize type. */
  public static Memory shape(String shape, String type) {
    return of(Synth.shape(shape).type(type).plan());
  }

  public Memory options(MemoryOptions o) {
    return new Memory(model, o, target, margin, allowLongContext);
  }

  /** {@code -c}: tokens of context; 0 for the model's trained context. */
  public Memory ctx(int tokens) {
    return options(options.withContext(tokens));
  }

  /** {@code -ctk} and {@code -ctv} both. */
  public Memory cacheTypes(String type) {
    return cacheTypes(type, type);
  }

  public Memory cacheTypes(String k, String v) {
    return options(options.withCacheTypes(CacheType.parse(k), CacheType.parse(v)));
  }

  public Memory flashAttention(boolean on) {
    return options(options.withFlashAttention(on));
  }

  public Memory parallel(int sequences) {
    return options(options.withParallel(sequences));
  }

  public Memory batch(int batch, int ubatch) {
    return options(options.withBatch(batch, ubatch));
  }

  /** {@code -ngl}; {@link MemoryOptions#ALL_LAYERS} for all. */
  public Memory gpuLayers(int n) {
    return options(options.withGpuLayers(n));
  }

  public Memory kvUnified(boolean on) {
    return options(options.withKvUnified(on));
  }

  /** A device of the catalogue ({@code data/devices.csv}), for its memory. */
  public Memory device(String name) {
    return new Memory(model, options, Target.device(name), margin, allowLongContext);
  }

  /** A CUDA GPU with this much memory. */
  public Memory memory(long bytes) {
    return new Memory(model, options, target.withMemory(bytes), margin, allowLongContext);
  }

  /** A CUDA GPU with this much memory: {@code 24GiB}, {@code 80GB}. */
  public Memory memory(String size) {
    return memory(Target.parseSize(size));
  }

  /** Whether the GPU shares the host's memory (a Jetson); catalogue devices know it. */
  public Memory unified(boolean on) {
    return new Memory(model, options, target.withUnified(on), margin, allowLongContext);
  }

  /** No GPU: llama.cpp built for the CPU only. */
  public Memory cpuOnly() {
    return new Memory(model, options, Target.CPU_ONLY, margin, allowLongContext);
  }

  /** Memory to leave free on the device (default 1 GiB, as llama.cpp's {@code --fit}). */
  public Memory margin(long bytes) {
    if (bytes < 0) throw new MemoryOptionException("--margin must be >= 0, got " + bytes);
    return new Memory(model, options, target, bytes, allowLongContext);
  }

  public Memory margin(String size) {
    return margin(Target.parseSize(size));
  }

  /** Allows a context beyond the model's trained one (llama.cpp only warns). */
  public Memory allowLongContext() {
    return new Memory(model, options, target, margin, true);
  }

  public ModelLayout model() {
    return model;
  }

  public MemoryOptions settings() {
    return options;
  }

  /** The estimate. */
  public MemoryPlan plan() {
    checkContext();
    Estimator.Estimate e = FitSearch.estimate(model, options, target);
    Optional<FitCheck> fit =
        target.memoryBytes() > 0
            ? Optional.of(FitSearch.check(model, options, target, margin, contextCap(), e))
            : Optional.empty();
    return new MemoryPlan(
        model.source(),
        options,
        target.name(),
        e.context(),
        e.gpuLayers(),
        e.offloaded(),
        model.layers(),
        e.buffers(),
        e.devices(),
        fit);
  }

  private long contextCap() {
    long trained = model.trainedContext();
    return allowLongContext ? Math.max(trained, options.context()) : trained;
  }

  private void checkContext() {
    long trained = model.trainedContext();
    if (!allowLongContext && trained > 0 && options.context() > trained) {
      throw new MemoryOptionException(
          "--ctx "
              + options.context()
              + " exceeds the trained context "
              + "of "
              + model.source()
              + " ("
              + trained
              + "); valid: 0 (the model's) to "
              + trained
              + ", or allow it with --allow-long-context (llama.cpp only warns: possible training "
              + "context overflow)");
    }
  }

  @Override
  public String toString() {
    return "Memory[" + model.source() + ", " + options + ", " + target.name() + "]";
  }
}
