package dev.tokbench.memory;

import static dev.tokbench.memory.ggml.Ggml.add;
import static dev.tokbench.memory.ggml.Ggml.getRows;
import static dev.tokbench.memory.ggml.Ggml.input;
import static dev.tokbench.memory.ggml.Ggml.mul;
import static dev.tokbench.memory.ggml.Ggml.mulMat;
import static dev.tokbench.memory.ggml.Ggml.reshape;
import static dev.tokbench.memory.ggml.Ggml.rmsNorm;
import static dev.tokbench.memory.ggml.Ggml.rope;
import static dev.tokbench.memory.ggml.Ggml.swigluSplit;

import dev.tokbench.gguf.GgmlType;
import dev.tokbench.memory.ggml.Backend;
import dev.tokbench.memory.ggml.Graph;
import dev.tokbench.memory.ggml.Tensor;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The graph llama.cpp builds for one ubatch of a llama or qwen3 model (src/models/llama.cpp and
 * qwen3.cpp, with llm_graph_context's helpers in src/llama-graph.cpp): the same tensors, built in
 * the same order and expanded into the graph at the same points, so that the allocator sees the
 * same node order. Also collects llama.cpp's own backend pins (llama_context::graph_get_cb: a
 * layer's norms stay on the layer's device when the batch is small or everything is offloaded).
 */
final class LlamaGraph {
  /** The graph and the pins to hand to the scheduler. */
  record Built(Graph graph, Map<Tensor, Backend> pinned) {}

  private final GraphSetup s;
  private final Graph gf = new Graph();
  private final Map<Tensor, Backend> pinned = new IdentityHashMap<>();
  private final long tokens;
  private final long outputs;
  private final Attention attention;
  private Tensor positions;
  private Tensor outIds;

  private LlamaGraph(GraphSetup s, long tokens, int seqs, long outputs) {
    this.s = s;
    this.tokens = tokens;
    this.outputs = outputs;
    this.attention = new Attention(s, gf, tokens, seqs);
  }

  /** {@code graph_reserve(n_tokens, n_seqs, n_outputs)}'s graph. */
  static Built build(GraphSetup s, long tokens, int seqs, long outputs) {
    LlamaGraph g = new LlamaGraph(s, tokens, seqs, outputs);
    g.buildModel();
    return new Built(g.gf, g.pinned);
  }

  private void buildModel() {
    Tensor inpL = inputEmbeddings();
    positions = input("inp_pos", GgmlType.I32, tokens);
    attention.createInputs();
    outIds = input("inp_out_ids", GgmlType.I32, outputs);
    for (int il = 0; il < s.model().layers(); il++) inpL = layer(il, inpL);
    Tensor cur = norm(inpL, required("output_norm.weight"), -1).markOutput(); // t_embd
    cur = mulMat(required("output.weight"), cur).markOutput(); // t_logits
    gf.expand(cur);
  }

  /** build_inp_embd: both inputs are in the graph (ggml_build_forward_select), tokens are used. */
  private Tensor inputEmbeddings() {
    Tensor tokenIds = input("inp_tokens", GgmlType.I32, tokens);
    Tensor embd = input("inp_embd", GgmlType.F32, s.model().embd(), tokens);
    Tensor cur = getRows(required("token_embd.weight"), tokenIds);
    gf.expand(cur);
    gf.expand(embd);
    return cur;
  }

  private Tensor layer(int il, Tensor inpL) {
    Tensor inpSA = inpL;
    Tensor cur = norm(inpL, layerWeight(il, "attn_norm"), il);
    long hd = s.model().headDimK();
    Tensor q = reshape(mulMat(layerWeight(il, "attn_q"), cur), hd, s.model().heads(), tokens);
    Tensor k = reshape(mulMat(layerWeight(il, "attn_k"), cur), hd, s.model().kvHeads(), tokens);
    Tensor v =
        reshape(
            mulMat(layerWeight(il, "attn_v"), cur),
            s.model().headDimV(),
            s.model().kvHeads(),
            tokens);
    if (s.qkNorm()) q = norm(q, layerWeight(il, "attn_q_norm"), il);
    q = rope(q, positions, s.weights().ropeFreqs(il));
    if (s.qkNorm()) k = norm(k, layerWeight(il, "attn_k_norm"), il);
    k = rope(k, positions, s.weights().ropeFreqs(il));
    cur = attention.build(il, q, k, v, layerWeight(il, "attn_output"));
    if (il == s.model().layers() - 1) {
      cur = getRows(cur, outIds);
      inpSA = getRows(inpSA, outIds);
    }
    Tensor ffnInp = add(cur, inpSA);
    cur = norm(ffnInp, layerWeight(il, "ffn_norm"), il);
    Tensor up = mulMat(layerWeight(il, "ffn_up"), cur);
    Tensor gate = mulMat(layerWeight(il, "ffn_gate"), cur);
    cur = mulMat(layerWeight(il, "ffn_down"), swigluSplit(gate, up));
    return add(cur, ffnInp);
  }

  /** build_norm with LLM_NORM_RMS and a weight; the norm is what graph_get_cb may pin. */
  private Tensor norm(Tensor x, Tensor weight, int il) {
    Tensor n = rmsNorm(x);
    if (il >= 0 && (tokens < 32 || s.placement().fullOffload())) {
      Buffers b = s.buffers();
      pinned.put(n, s.placement().onGpu(il) ? b.gpuBackend() : b.cpuBackend());
    }
    return mul(n, weight);
  }

  private Tensor layerWeight(int il, String suffix) {
    Tensor t = s.weights().layer(il, suffix);
    if (t == null) throw missing("blk." + il + "." + suffix + ".weight");
    return t;
  }

  private Tensor required(String name) {
    Tensor t = s.weights().get(name);
    if (t == null) throw missing(name);
    return t;
  }

  private UnsupportedModelException missing(String name) {
    return new UnsupportedModelException(
        s.model().source()
            + " has no "
            + name
            + ", which llama.cpp's "
            + s.model().arch()
            + " graph needs");
  }
}
