package dev.tokbench.memory;

import dev.tokbench.memory.BufferSize.Component;
import dev.tokbench.memory.ggml.BufferType;
import java.util.ArrayList;
import java.util.List;

/**
 * One estimate: places weights and caches, reserves the compute graphs, sizes the output buffer,
 * and adds it up per device, as a llama.cpp process with one CUDA GPU (or none) would.
 */
final class Estimator {
  /** What one run of the estimator gives. */
  record Estimate(
      long context,
      int gpuLayers,
      int offloaded,
      List<BufferSize> buffers,
      List<DeviceMemory> devices) {
    /** The GPU's total, or the host's when there is no GPU. */
    long first() {
      return devices.get(0).totalBytes();
    }

    long all() {
      return devices.stream().mapToLong(DeviceMemory::totalBytes).sum();
    }
  }

  private Estimator() {}

  static Estimate run(ModelLayout m, MemoryOptions o, boolean gpu, boolean integrated) {
    try {
      return estimate(m, o, gpu, integrated);
    } catch (ArithmeticException e) {
      throw new UnsupportedModelException(m.source() + ": sizes overflow 64 bits with " + o);
    }
  }

  private static Estimate estimate(
      ModelLayout m, MemoryOptions o, boolean gpu, boolean integrated) {
    if (!ModelLayout.ARCHITECTURES.contains(m.arch())) {
      throw new UnsupportedModelException(
          m.source()
              + ": architecture '"
              + m.arch()
              + "' is not modelled; modelled: "
              + String.join(", ", ModelLayout.ARCHITECTURES));
    }
    ContextParams c = ContextParams.of(m, o);
    Buffers b = gpu ? Buffers.cuda(integrated) : Buffers.cpuOnly();
    LayerPlacement p = LayerPlacement.of(m.layers(), o.gpuLayers(), b.hasGpu());
    ModelWeights w = ModelWeights.place(m, p, b);
    KvCache kv = KvCache.allocate(m, c, o, p, b);
    long[] compute = ComputeBuffers.reserve(new GraphSetup(m, w, kv, c, o, p, b));
    // output_reserve(n_seq_max): logits for one token per sequence, in the output device's host
    // memory
    BufferType outputBuffer = p.outputOnGpu() ? b.pinned : b.cpu;
    long output = m.vocab() * c.seqs() * 4L;
    List<BufferSize> buffers = buffers(b, w, kv, compute, outputBuffer, output);
    return new Estimate(c.nCtx(), p.gpuLayers(), p.repeatingOnGpu(), buffers, devices(buffers, b));
  }

  private static List<BufferSize> buffers(
      Buffers b, ModelWeights w, KvCache kv, long[] compute, BufferType outputBuffer, long output) {
    List<BufferSize> out = new ArrayList<>();
    if (b.hasGpu()) add(out, Component.MODEL, b.gpu, w.bytes(b.gpu));
    add(out, Component.MODEL, b.mapped, w.bytes(b.mapped));
    if (b.hasGpu()) add(out, Component.KV, b.gpu, kv.bytes(b.gpu));
    add(out, Component.KV, b.cpu, kv.bytes(b.cpu));
    for (int i = 0; i < compute.length; i++) {
      add(out, Component.COMPUTE, b.backends.get(i).computeBuffer(), compute[i]);
    }
    add(out, Component.OUTPUT, outputBuffer, output);
    return out.stream().filter(x -> x.bytes() > 0).toList();
  }

  private static void add(List<BufferSize> out, Component c, BufferType t, long bytes) {
    out.add(new BufferSize(c, t.name(), t.isHost() ? "Host" : "CUDA0", bytes));
  }

  /** Per device, the GPU first and the host last. */
  private static List<DeviceMemory> devices(List<BufferSize> buffers, Buffers b) {
    List<DeviceMemory> out = new ArrayList<>();
    if (b.hasGpu()) out.add(device("CUDA0", buffers));
    out.add(device("Host", buffers));
    return out;
  }

  private static DeviceMemory device(String name, List<BufferSize> buffers) {
    long[] by = new long[Component.values().length];
    for (BufferSize s : buffers) {
      if (s.device().equals(name))
        by[s.component().ordinal()] = Math.addExact(by[s.component().ordinal()], s.bytes());
    }
    return DeviceMemory.of(name, by[0], by[1], by[2], by[3]);
  }
}
