package dev.tokbench.synth;

import dev.tokbench.Records;
import dev.tokbench.gguf.FileType;
import dev.tokbench.gguf.GgufWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Synthetic GGUF models with real shapes and llama-quantize's tensor types, for benchmarks that
 * need the layout, not the weights:
 *
 * <pre>{@code
 * Synth.shape("llama-3.2-1b").type("Q4_K_M").write(Path.of("model.gguf"));
 * Synth.shape("qwen3-0.6b").layers(2).vocab(32000).type("Q8_0").plan().tensorBytes();
 * }</pre>
 *
 * Every call returns a new {@code Synth}; shapes are checked as they change.
 */
public final class Synth {
  private final ModelShape shape;
  private final FileType fileType;
  private final long seed;

  private Synth(ModelShape shape, FileType fileType, long seed) {
    this.shape = Objects.requireNonNull(shape);
    this.fileType = Objects.requireNonNull(fileType);
    this.seed = seed;
  }

  /** The catalogue shape {@code name} (see {@link Shapes#names()}), as F16. */
  public static Synth shape(String name) {
    return new Synth(Shapes.named(name), FileType.F16, 0);
  }

  /** Any shape, e.g. one built by hand, as F16. */
  public static Synth of(ModelShape shape) {
    return new Synth(shape, FileType.F16, 0);
  }

  public Synth type(String name) {
    return type(TensorTypeRules.parse(name));
  }

  public Synth type(FileType t) {
    TensorTypeRules.defaultType(t);
    return new Synth(shape, t, seed);
  }

  public Synth seed(long s) {
    return new Synth(shape, fileType, s);
  }

  public Synth name(String v) {
    return with(ModelShape::name, v);
  }

  public Synth layers(int v) {
    return with(ModelShape::layers, v);
  }

  public Synth vocab(int v) {
    return with(ModelShape::vocab, v);
  }

  public Synth embd(int v) {
    return with(ModelShape::embd, v);
  }

  public Synth heads(int v) {
    return with(ModelShape::heads, v);
  }

  public Synth kvHeads(int v) {
    return with(ModelShape::kvHeads, v);
  }

  public Synth headDim(int v) {
    return with(ModelShape::headDim, v);
  }

  public Synth ff(int v) {
    return with(ModelShape::ff, v);
  }

  public Synth ctx(int v) {
    return with(ModelShape::ctx, v);
  }

  public Synth tiedEmbeddings(boolean v) {
    return with(ModelShape::tiedEmbeddings, v);
  }

  /** This model with one component of its shape changed: {@code with(ModelShape::layers, 2)}. */
  public <T> Synth with(Records.Component<ModelShape, T> component, T value) {
    return new Synth(shape.with(component, value), fileType, seed);
  }

  public ModelShape shape() {
    return shape;
  }

  public FileType fileType() {
    return fileType;
  }

  /** The tensors and their types, without writing anything. */
  public TensorPlan plan() {
    return TensorPlan.of(shape, fileType);
  }

  /**
   * Writes the model to {@code path} (through a temporary file, so a failure leaves nothing under
   * that name), using every core for the weights.
   */
  public SynthResult write(Path path) {
    long start = System.nanoTime();
    TensorPlan plan = plan();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService workers = Executors.newFixedThreadPool(threads, Synth::daemon);
    try {
      Path written = writer(plan, workers).write(path);
      return new SynthResult(written, plan, size(written), (System.nanoTime() - start) / 1e9);
    } finally {
      workers.shutdownNow();
    }
  }

  private GgufWriter writer(TensorPlan plan, ExecutorService workers) {
    GgufWriter w = SynthMetadata.of(plan);
    int index = 0;
    java.util.Map<dev.tokbench.gguf.GgmlType, BlockPool> pools =
        new java.util.EnumMap<>(dev.tokbench.gguf.GgmlType.class);
    for (PlannedTensor t : plan.tensors()) {
      BlockPool pool =
          t.norm()
              ? null
              : pools.computeIfAbsent(t.type(), ty -> BlockPool.of(ty, t.rowLength(), seed));
      long tensorSeed = BlockPool.mix(seed * 1_000_003L + index++);
      w.tensor(t.name(), t.type(), t.dims(), new SyntheticTensorData(t, pool, tensorSeed, workers));
    }
    return w;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "tokbench-synth");
    t.setDaemon(true);
    return t;
  }

  @Override
  public String toString() {
    return "Synth[" + shape + ", " + fileType + ", seed " + seed + "]";
  }
}
