package dev.tokbench.memory;

import static dev.tokbench.memory.ggml.Ggml.cast;
import static dev.tokbench.memory.ggml.Ggml.cont;
import static dev.tokbench.memory.ggml.Ggml.flashAttnExt;
import static dev.tokbench.memory.ggml.Ggml.input;
import static dev.tokbench.memory.ggml.Ggml.mulMat;
import static dev.tokbench.memory.ggml.Ggml.permute;
import static dev.tokbench.memory.ggml.Ggml.reshape;
import static dev.tokbench.memory.ggml.Ggml.rowSize;
import static dev.tokbench.memory.ggml.Ggml.setRows;
import static dev.tokbench.memory.ggml.Ggml.softMax;
import static dev.tokbench.memory.ggml.Ggml.transpose;
import static dev.tokbench.memory.ggml.Ggml.view;

import dev.tokbench.gguf.GgmlType;
import dev.tokbench.memory.ggml.Graph;
import dev.tokbench.memory.ggml.Tensor;

/**
 * Self-attention with a KV cache as llama.cpp builds it: llm_graph_context::build_attn (the
 * Hadamard rotations of quantized caches, the stores into the cache), build_attn_mha (flash
 * attention, or the KQ matrix, softmax and KQV without it) and llama_kv_cache's views (get_k,
 * get_v, cpy_k, cpy_v) over all {@code kv_size} cells, as the reserve graph sees the full cache.
 */
final class Attention {
  private final GraphSetup s;
  private final Graph gf;
  private final long tokens;
  private final int seqs;
  private Tensor kIdxs;
  private Tensor vIdxs;
  private Tensor mask;
  private Tensor kRot;
  private Tensor vRot;

  Attention(GraphSetup s, Graph gf, long tokens, int seqs) {
    this.s = s;
    this.gf = gf;
    this.tokens = tokens;
    this.seqs = seqs;
  }

  /** build_attn_inp_kv: cache row indices, the KQ mask, the rotation matrices. */
  void createInputs() {
    boolean fa = s.options().flashAttention();
    kIdxs = input("k_idxs", GgmlType.I64, tokens);
    vIdxs = input("v_idxs", GgmlType.I64, fa ? tokens : tokens * s.model().kvEmbdV());
    int streams = s.options().kvUnified() ? 1 : seqs;
    mask = input("attn_inp_kq_mask", s.maskType(), kvCells(), tokens / streams, 1, streams);
    int rk = s.rotationK();
    int rv = s.rotationV();
    kRot = rk > 0 ? input("attn_inp_k_rot", GgmlType.F32, rk, rk) : null;
    vRot = rv > 0 ? input("attn_inp_v_rot", GgmlType.F32, rv, rv) : null;
  }

  /** {@code n_kv} of the reserve graph: every cell (llama_kv_cache_context for init_full). */
  private long kvCells() {
    return s.context().kvSize();
  }

  Tensor build(int il, Tensor q, Tensor k, Tensor v, Tensor wo) {
    if (kRot != null) {
      q = hadamard(q, kRot);
      k = hadamard(k, kRot);
    }
    if (vRot != null) v = hadamard(v, vRot);
    gf.expand(q);
    gf.expand(v);
    gf.expand(k);
    gf.expand(storeK(il, k));
    gf.expand(storeV(il, v));
    Tensor cur = mha(q, viewK(il), viewV(il));
    if (vRot != null) cur = hadamard(cur, vRot);
    return mulMat(wo, cur);
  }

  private Tensor mha(Tensor q, Tensor k, Tensor v) {
    boolean vTrans = v.nb(1) > v.nb(2);
    long streams = k.ne(3);
    q =
        view(
            q,
            new long[] {q.ne(0), q.ne(1), q.ne(2) / streams, streams},
            q.nb(1),
            q.nb(2),
            q.nb(3) / streams);
    q = permute(q, 0, 2, 1, 3);
    k = permute(k, 0, 2, 1, 3);
    v = permute(v, 0, 2, 1, 3);
    Tensor cur;
    if (s.options().flashAttention()) {
      if (vTrans) v = transpose(v);
      if (k.type() == GgmlType.F32) k = cast(k, GgmlType.F16);
      if (v.type() == GgmlType.F32) v = cast(v, GgmlType.F16);
      cur = flashAttnExt(q, k, v, mask);
      cur = reshape(cur, cur.ne(0) * cur.ne(1), cur.ne(2) * cur.ne(3));
    } else {
      Tensor kq = softMax(mulMat(k, q), mask);
      if (!vTrans) v = contiguous(transpose(v));
      cur = permute(mulMat(v, kq), 0, 2, 1, 3);
      cur = cont(cur, cur.ne(0) * cur.ne(1), cur.ne(2) * cur.ne(3));
    }
    gf.expand(cur);
    return cur;
  }

  private static Tensor contiguous(Tensor t) {
    return cont(t, t.ne(0), t.ne(1), t.ne(2), t.ne(3));
  }

  /** llama_kv_cache::get_k: {@code [head, kv_heads, n_kv, streams]} over the cache. */
  private Tensor viewK(int il) {
    Tensor k = s.cache().k.get(il);
    GgmlType t = k.type();
    long kv = s.context().kvSize();
    long embd = s.model().kvEmbdK();
    return view(
        k,
        new long[] {s.model().headDimK(), s.model().kvHeads(), kv, k.ne(2)},
        rowSize(t, s.model().headDimK()),
        rowSize(t, embd),
        rowSize(t, embd * kv));
  }

  /** llama_kv_cache::get_v: as K with flash attention, transposed ({@code v_trans}) without. */
  private Tensor viewV(int il) {
    Tensor v = s.cache().v.get(il);
    GgmlType t = v.type();
    long kv = s.context().kvSize();
    long hd = s.model().headDimV();
    long embd = s.model().kvEmbdV();
    if (s.options().flashAttention()) {
      return view(
          v,
          new long[] {hd, s.model().kvHeads(), kv, v.ne(2)},
          rowSize(t, hd),
          rowSize(t, embd),
          rowSize(t, embd * kv));
    }
    return view(
        v,
        new long[] {kv, s.model().kvHeads(), hd, v.ne(2)},
        rowSize(t, kv * hd),
        rowSize(t, kv),
        rowSize(t, kv * embd));
  }

  /** llama_kv_cache::cpy_k: the new rows, set into the cache at {@code k_idxs}. */
  private Tensor storeK(int il, Tensor kCur) {
    Tensor k = s.cache().k.get(il);
    long embd = kCur.ne(0) * kCur.ne(1);
    Tensor rows = view(kCur, new long[] {embd, kCur.ne(2)}, kCur.nb(2));
    if (k.ne(2) > 1) k = reshape(k, embd, k.ne(1) * k.ne(2));
    return setRows(k, rows, kIdxs);
  }

  /** llama_kv_cache::cpy_v: rows with flash attention, single elements into the transposed V. */
  private Tensor storeV(int il, Tensor vCur) {
    Tensor v = s.cache().v.get(il);
    long embd = vCur.ne(0) * vCur.ne(1);
    if (s.options().flashAttention()) {
      Tensor rows = view(vCur, new long[] {embd, vCur.ne(2)}, vCur.nb(2));
      if (v.ne(2) > 1) v = reshape(v, embd, v.ne(1) * v.ne(2));
      return setRows(v, rows, vIdxs);
    }
    Tensor flat =
        rowSize(vCur.type(), embd) == vCur.nb(2)
            ? reshape(vCur, embd, vCur.ne(2))
            : cont(vCur, embd, vCur.ne(2));
    Tensor cells = reshape(v, 1, v.elements());
    return setRows(cells, reshape(flat, 1, flat.elements()), vIdxs);
  }

  /** llama_mul_mat_hadamard (src/llama-impl.h): rows of {@code n} times the rotation. */
  private static Tensor hadamard(Tensor cur, Tensor rot) {
    long n = rot.ne(0);
    Tensor res =
        cur.isContiguous() ? reshape(cur, n, cur.elements() / n) : cont(cur, n, cur.elements() / n);
    res = mulMat(rot, res);
    return reshape(res, cur.ne(0), cur.ne(1), cur.ne(2), cur.ne(3));
  }
}
