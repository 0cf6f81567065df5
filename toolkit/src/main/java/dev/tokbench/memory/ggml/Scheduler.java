package dev.tokbench.memory.ggml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ggml_backend_sched_split_graph} (ggml-backend.cpp): assigns every op to a backend, splits
 * the graph where the backend changes and copies each split's inputs that live in memory its
 * backend cannot read. The passes are those of ggml, in its order: 1 from the buffers of weights
 * and caches (and ops on host weights a GPU offloads), 2 spreading GPU assignments to neighbours, 3
 * unassigned ops to the backend with the most of their inputs, 4 sources from their consumers, 5
 * the splits. One copy per input ({@code n_copies = 1}: no pipeline parallelism, i.e. one GPU).
 */
public final class Scheduler {
  /** {@code GGML_SCHED_MAX_SPLIT_INPUTS}. */
  private static final int MAX_SPLIT_INPUTS = 30;

  private final List<Backend> backends;
  private final int cpu;
  private final Map<Tensor, Integer> backendOf = new IdentityHashMap<>();
  private final Map<Tensor, Tensor[]> copies = new IdentityHashMap<>();

  private Scheduler(List<Backend> backends, Map<Tensor, Backend> pinned) {
    this.backends = List.copyOf(backends);
    this.cpu = backends.size() - 1;
    pinned.forEach((t, b) -> backendOf.put(t, this.backends.indexOf(b)));
  }

  /**
   * Splits {@code graph} between {@code backends} (highest priority first, the CPU last). {@code
   * pinned} are llama.cpp's own assignments ({@code ggml_backend_sched_set_tensor_backend}).
   */
  public static SplitGraph split(Graph graph, List<Backend> backends, Map<Tensor, Backend> pinned) {
    Scheduler s = new Scheduler(backends, pinned);
    s.fromBuffers(graph);
    s.expand(graph.nodes());
    s.bestOrUpgrade(graph.nodes());
    s.sourcesFromConsumers(graph.nodes());
    return s.copyGraph(graph, s.splitAndCopy(graph.nodes()));
  }

  int id(Tensor t) {
    return t == null ? -1 : backendOf.getOrDefault(t, -1);
  }

  private void set(Tensor t, int backend) {
    backendOf.put(t, backend);
  }

  // pass 1: ggml_backend_sched_backend_id_from_cur for leafs and nodes not pinned by llama.cpp
  private void fromBuffers(Graph g) {
    for (Tensor leaf : g.leafs()) if (id(leaf) == -1) set(leaf, fromCurrent(leaf));
    for (Tensor node : g.nodes()) if (id(node) == -1) set(node, fromCurrent(node));
  }

  private int fromCurrent(Tensor t) {
    int b = fromBuffer(t, t);
    if (b == -1 && t.viewSrc != null) b = fromBuffer(t.viewSrc, t);
    if (b != -1) return b;
    if (t.buffer != null || (t.viewSrc != null && t.viewSrc.buffer != null)) {
      throw new IllegalStateException("no backend can run " + t + " on its buffer");
    }
    if (t.isInput()) return cpu;
    // rope and flash attention carry small weights that must not decide where they run
    if (t.op == Op.ROPE || t.op == Op.FLASH_ATTN_EXT) return -1;
    for (Tensor src : t.src) {
      if (src != null && src.buffer != null && src.buffer.weights()) return weightBackend(src, t);
    }
    return -1;
  }

  /** The backend of a weight, unless a GPU wants to offload a big op on host weights. */
  private int weightBackend(Tensor weight, Tensor op) {
    int b = fromBuffer(weight, op);
    if (b == cpu && weight.buffer.type().isHost()) {
      for (int g = 0; g < cpu; g++) {
        if (backends.get(g).supportsOp(op) && backends.get(g).offloadOp(op)) return g;
      }
    }
    return b;
  }

  /** {@code ggml_backend_sched_backend_from_buffer}. */
  private int fromBuffer(Tensor t, Tensor op) {
    Buffer buffer = t.ownOrViewedBuffer();
    if (buffer == null) return -1;
    for (int i = 0; i < backends.size(); i++) {
      if (backends.get(i).supportsBuffer(buffer.type()) && backends.get(i).supportsOp(op)) return i;
    }
    return -1;
  }

  // pass 2: GPU assignments down and up (skipping the CPU), then any assignment down and up
  private void expand(List<Tensor> nodes) {
    List<Tensor> reversed = new ArrayList<>(nodes);
    Collections.reverse(reversed);
    sweep(nodes, false);
    sweep(reversed, false);
    sweep(nodes, true);
    sweep(reversed, true);
  }

  private void sweep(List<Tensor> nodes, boolean includeCpu) {
    int cur = -1;
    for (Tensor node : nodes) {
      if (node.op.isViewOp()) continue;
      int b = id(node);
      if (b != -1) {
        cur = !includeCpu && b == cpu ? -1 : b;
      } else if (cur != -1 && backends.get(cur).supportsOp(node)) {
        set(node, cur);
      }
    }
  }

  // pass 3: unassigned ops to the backend that can read most of their sources
  private void bestOrUpgrade(List<Tensor> nodes) {
    for (Tensor node : nodes) {
      if (node.op.isViewOp() || id(node) != -1) continue;
      int best = -1;
      for (int b = 0; b < backends.size(); b++) {
        if (!backends.get(b).supportsOp(node)) continue;
        int supported = 0;
        for (Tensor src : node.src) {
          boolean assigned = src != null && (id(src) != -1 || id(src.viewSrc) != -1);
          if (assigned && bufferSupported(src, b)) supported++;
        }
        if (supported > best) {
          best = supported;
          set(node, b);
        }
      }
    }
    // the upgrade half of pass 3 needs two backends sharing a buffer type, which never happens here
  }

  // pass 4: sources and views from their consumers
  private void sourcesFromConsumers(List<Tensor> nodes) {
    for (Tensor node : nodes) {
      if (node.viewSrc != null && id(node) == -1) set(node, id(node.viewSrc));
      for (Tensor src : node.src) {
        if (src == null || id(src) != -1) continue;
        set(src, src.viewSrc != null ? id(src.viewSrc) : id(node));
      }
      for (int b = 0; b < backends.size() && id(node) == -1; b++) {
        if (backends.get(b).supportsOp(node)) set(node, b);
      }
    }
  }

  /** {@code ggml_backend_sched_buffer_supported}. */
  private boolean bufferSupported(Tensor t, int backend) {
    Buffer buffer = t.ownOrViewedBuffer();
    BufferType type = buffer != null ? buffer.type() : null;
    if (type == null) {
      int b = id(t) == -1 ? id(t.viewSrc) : id(t);
      if (b != -1) type = backends.get(b).computeBuffer();
    }
    return type != null && backends.get(backend).supportsBuffer(type);
  }

  /** One run of consecutive nodes on one backend, with the inputs it copies in. */
  private static final class Split {
    final int backend;
    final int start;
    int end;
    int capacity;
    final List<Tensor> inputs = new ArrayList<>();

    Split(int backend, int start) {
      this.backend = backend;
      this.start = start;
    }

    void addInput(Tensor t) {
      inputs.add(t);
      if (inputs.size() > capacity) capacity = capacity == 0 ? MAX_SPLIT_INPUTS : 2 * capacity;
    }
  }

  // pass 5: cut where the backend changes (or a split would read a weight it cannot), copy inputs
  private List<Split> splitAndCopy(List<Tensor> nodes) {
    List<Split> splits = new ArrayList<>();
    int first = 0;
    while (first < nodes.size() && nodes.get(first).op.isViewOp()) first++;
    Split split = new Split(first < nodes.size() ? id(nodes.get(first)) : cpu, 0);
    for (int i = first; i < nodes.size(); i++) {
      Tensor node = nodes.get(i);
      if (node.op.isViewOp()) continue;
      int b = id(node);
      if (b != split.backend || needsNewSplit(node, split)) {
        split.end = i;
        splits.add(split);
        split = new Split(b, i);
      }
      copyInputs(node, split);
    }
    split.end = nodes.size();
    splits.add(split);
    return splits;
  }

  private boolean needsNewSplit(Tensor node, Split split) {
    if (split.inputs.isEmpty()) return false;
    for (Tensor src : node.src) {
      if (src == null) continue;
      boolean foreign = id(src) != split.backend && !bufferSupported(src, split.backend);
      if (src.buffer != null && src.buffer.weights() && foreign) return true;
      boolean full = split.inputs.size() >= split.capacity;
      if (full && foreign && copy(src, split.backend) == null) return true;
    }
    return false;
  }

  private void copyInputs(Tensor node, Split split) {
    for (int j = 0; j < Tensor.MAX_SRC; j++) {
      Tensor src = node.src[j];
      if (src == null) continue;
      if (id(src) == -1) throw new IllegalStateException("unassigned source " + src);
      if (id(src) == split.backend || bufferSupported(src, split.backend)) continue;
      if (copy(src, split.backend) == null) {
        String name = backends.get(split.backend).name() + "#" + src.name + "#0";
        copies.computeIfAbsent(src, s -> new Tensor[backends.size()])[split.backend] =
            Ggml.copyOf(src, name);
        split.addInput(src);
      }
      node.src[j] = copy(src, split.backend);
    }
  }

  private Tensor copy(Tensor t, int backend) {
    Tensor[] c = copies.get(t);
    return c == null ? null : c[backend];
  }

  private SplitGraph copyGraph(Graph g, List<Split> splits) {
    List<Tensor> nodes = new ArrayList<>();
    List<Integer> nodeBackends = new ArrayList<>();
    for (Split split : splits) {
      for (Tensor input : split.inputs) {
        // a dependency on the source keeps it alive until the copy is made
        Tensor dep = Ggml.viewOf(input, Op.NONE, input.name + " (dep)");
        dep.src[0] = input;
        nodes.add(dep);
        nodeBackends.add(id(input));
        nodes.add(copy(input, split.backend));
        nodeBackends.add(split.backend);
      }
      for (int j = split.start; j < split.end; j++) {
        nodes.add(g.nodes().get(j));
        nodeBackends.add(id(g.nodes().get(j)));
      }
    }
    List<Integer> leafBackends = g.leafs().stream().map(this::id).toList();
    return new SplitGraph(nodes, nodeBackends, g.leafs(), leafBackends, splits.size());
  }
}
