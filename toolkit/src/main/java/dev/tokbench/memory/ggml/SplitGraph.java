package dev.tokbench.memory.ggml;

import java.util.List;

/**
 * The scheduler's {@code graph_copy}: the nodes in compute order with the backend of each, the
 * copies of split inputs placed at the start of their split, and the leafs with theirs. This is
 * what {@code ggml_gallocr_reserve_n} is given.
 *
 * @param nodes nodes in order, including each split's input copies
 * @param nodeBackends the backend index of each node
 * @param leafs the graph's leafs
 * @param leafBackends the backend index of each leaf
 * @param splits how many parts the graph was split into
 */
public record SplitGraph(
    List<Tensor> nodes,
    List<Integer> nodeBackends,
    List<Tensor> leafs,
    List<Integer> leafBackends,
    int splits) {
  public SplitGraph {
    nodes = List.copyOf(nodes);
    nodeBackends = List.copyOf(nodeBackends);
    leafs = List.copyOf(leafs);
    leafBackends = List.copyOf(leafBackends);
  }
}
