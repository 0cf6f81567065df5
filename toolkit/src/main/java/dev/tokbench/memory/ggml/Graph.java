package dev.tokbench.memory.ggml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A {@code ggml_cgraph}: nodes (tensors an op computes) in the order {@code
 * ggml_build_forward_expand} lists them, and leafs (tensors with no op: weights, inputs, caches).
 * The order is what the allocator replays, so it follows {@code ggml_visit_parents_graph} exactly:
 * depth first, sources left to right, a tensor after its sources.
 */
public final class Graph {
  private final List<Tensor> nodes = new ArrayList<>();
  private final List<Tensor> leafs = new ArrayList<>();
  private final Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  /** {@code ggml_build_forward_expand}: adds {@code t} and every source not yet in the graph. */
  public Graph expand(Tensor t) {
    visit(t);
    return this;
  }

  private void visit(Tensor t) {
    if (!visited.add(t)) return;
    for (Tensor s : t.src) {
      if (s != null) visit(s);
    }
    if (t.op == Op.NONE) {
      leafs.add(t);
    } else {
      nodes.add(t);
    }
  }

  public List<Tensor> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  public List<Tensor> leafs() {
    return Collections.unmodifiableList(leafs);
  }

  @Override
  public String toString() {
    return "Graph[" + nodes.size() + " nodes, " + leafs.size() + " leafs]";
  }
}
