package dev.tokbench.memory.ggml;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ggml_gallocr_reserve_n} (ggml-alloc.c): replays a split graph in compute order, placing
 * each result in its backend's compute buffer as soon as it is computed (in a parent's memory when
 * the op may work in place and the parent has no other consumer) and freeing it after its last
 * consumer. Views never take memory; graph outputs are never freed. The compute buffer of a backend
 * is the high-water mark of its allocator.
 */
public final class GraphAllocator {
  /** ggml-alloc's {@code struct hash_node}. */
  private static final class Slot {
    int children;
    int views;
    int buffer = -1;
    long offset;
    boolean allocated;
  }

  private final List<BufferType> buffers;
  private final Map<BufferType, DynamicAllocator> allocators = new IdentityHashMap<>();
  private final Map<Tensor, Slot> slots = new IdentityHashMap<>();

  private GraphAllocator(List<BufferType> buffers) {
    this.buffers = List.copyOf(buffers);
    for (BufferType b : buffers)
      allocators.computeIfAbsent(b, t -> new DynamicAllocator(t.alignment()));
  }

  /**
   * The compute buffer size, in bytes, of each backend (by index into {@code buffers}, which holds
   * each backend's compute buffer type) for one split graph.
   */
  public static long[] reserve(SplitGraph g, List<BufferType> buffers) {
    GraphAllocator a = new GraphAllocator(buffers);
    a.run(g);
    long[] sizes = new long[buffers.size()];
    for (int i = 0; i < sizes.length; i++) sizes[i] = a.allocators.get(buffers.get(i)).maxSize();
    return sizes;
  }

  private Slot slot(Tensor t) {
    return slots.computeIfAbsent(t, x -> new Slot());
  }

  private void run(SplitGraph g) {
    for (int i = 0; i < g.leafs().size(); i++) allocate(g.leafs().get(i), g.leafBackends().get(i));
    countConsumers(g);
    for (int i = 0; i < g.nodes().size(); i++) {
      Tensor node = g.nodes().get(i);
      int buffer = g.nodeBackends().get(i);
      for (Tensor parent : node.src) if (parent != null) allocate(parent, buffer);
      allocate(node, buffer);
      for (Tensor parent : node.src) if (parent != null) release(parent);
    }
  }

  /** Children and views of every tensor; explicit graph inputs are placed first. */
  private void countConsumers(SplitGraph g) {
    for (int i = 0; i < g.nodes().size(); i++) {
      Tensor node = g.nodes().get(i);
      if (node.isView() && node.op != Op.NONE) slot(node.viewSrc).views++;
      if (node.isInput()) allocate(node, g.nodeBackends().get(i));
      for (Tensor src : node.src) {
        if (src == null) continue;
        slot(src).children++;
        if (src.isInput()) allocate(src, g.nodeBackends().get(i));
      }
    }
  }

  /** {@code ggml_gallocr_allocate_node}. */
  private void allocate(Tensor node, int buffer) {
    Slot s = slot(node);
    if (node.buffer != null || s.allocated || node.isView()) return;
    s.allocated = true;
    if (node.op.canInplace() && reuseParent(node, s)) return;
    s.buffer = buffer;
    s.offset = allocators.get(buffers.get(buffer)).alloc(buffers.get(buffer).allocSize(node));
  }

  private boolean reuseParent(Tensor node, Slot s) {
    for (Tensor parent : node.src) {
      if (parent == null || !slot(parent).allocated) continue; // not ours (a weight, a view)
      boolean output = parent.isOutput() || (parent.viewSrc != null && parent.viewSrc.isOutput());
      if (output || !node.sameLayout(parent)) continue;
      Slot p = slot(parent);
      if (p.children == 1 && p.views == 0) {
        // ggml's branch for a view parent is unreachable: a view is never "own", so never here
        s.buffer = p.buffer;
        s.offset = p.offset;
        p.allocated = false;
        freeExtraSpace(node, parent, p);
        return true;
      }
    }
    return false;
  }

  private void freeExtraSpace(Tensor node, Tensor parent, Slot p) {
    BufferType b = buffers.get(p.buffer);
    long parentSize = b.align(b.allocSize(parent));
    long nodeSize = b.align(b.allocSize(node));
    if (parentSize > nodeSize) allocators.get(b).free(p.offset + nodeSize, parentSize - nodeSize);
  }

  /** A consumer of {@code parent} is done: free it, or the tensor it views, after the last. */
  private void release(Tensor parent) {
    Slot p = slot(parent);
    p.children--;
    if (p.children != 0 || p.views != 0) return;
    if (parent.isView()) {
      Slot v = slot(parent.viewSrc);
      v.views--;
      if (v.views == 0 && v.children == 0 && v.allocated) free(parent.viewSrc, v);
    } else if (p.allocated) {
      free(parent, p);
    }
  }

  /** {@code ggml_gallocr_free_node}. */
  private void free(Tensor t, Slot s) {
    if (t.isOutput()) return;
    BufferType b = buffers.get(s.buffer);
    allocators.get(b).free(s.offset, b.allocSize(t));
    s.allocated = false;
  }
}
