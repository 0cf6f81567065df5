package dev.tokbench.memory.ggml;

import dev.tokbench.gguf.GgmlType;
import java.util.List;

/**
 * The ggml operations the modelled graphs use, each with the result type, shape and strides its
 * namesake in {@code ggml.c} gives, and whether the result is a view of its input. Unlike ggml
 * there is no context: every call returns a new {@link Tensor}.
 */
public final class Ggml {
  private Ggml() {}

  /** {@code ggml_row_size}: bytes of {@code n} elements of a type. */
  public static long rowSize(GgmlType t, long n) {
    return t.typeSize() * n / t.blockSize();
  }

  /** A model weight or cache tensor already in {@code buffer}; dims innermost first. */
  public static Tensor stored(String name, GgmlType t, List<Long> dims, Buffer buffer) {
    long[] ne = {1, 1, 1, 1};
    for (int i = 0; i < dims.size(); i++) ne[i] = dims.get(i);
    return new Tensor(name, t, ne, strides(t, ne), Op.NONE, null, buffer);
  }

  /** {@code ggml_new_tensor} + {@code ggml_set_input}: filled by the host before each compute. */
  public static Tensor input(String name, GgmlType t, long... ne) {
    Tensor r = fresh(name, t, ne, Op.NONE);
    r.flags |= Tensor.FLAG_INPUT;
    return r;
  }

  public static Tensor getRows(Tensor a, Tensor rows) {
    GgmlType t = a.type == GgmlType.I32 ? GgmlType.I32 : GgmlType.F32;
    return fresh(
        "get_rows",
        t,
        new long[] {a.ne[0], rows.ne[0], rows.ne[1], rows.ne[2]},
        Op.GET_ROWS,
        a,
        rows);
  }

  /** {@code ggml_set_rows}: a view of the destination; sources in ggml's (legacy) order b, c, a. */
  public static Tensor setRows(Tensor dst, Tensor values, Tensor rows) {
    Tensor r = viewOf(dst, Op.SET_ROWS, "set_rows");
    return with(r, values, rows, dst);
  }

  public static Tensor rmsNorm(Tensor a) {
    return dup(a, Op.RMS_NORM, "rms_norm", a);
  }

  public static Tensor mul(Tensor a, Tensor b) {
    return dup(a, Op.MUL, "mul", a, b);
  }

  public static Tensor add(Tensor a, Tensor b) {
    return dup(a, Op.ADD, "add", a, b);
  }

  public static Tensor scale(Tensor a) {
    return dup(a, Op.SCALE, "scale", a);
  }

  /** {@code ggml_mul_mat}: F32 of shape {@code [a.ne1, b.ne1, b.ne2, b.ne3]}. */
  public static Tensor mulMat(Tensor a, Tensor b) {
    return fresh(
        "mul_mat", GgmlType.F32, new long[] {a.ne[1], b.ne[1], b.ne[2], b.ne[3]}, Op.MUL_MAT, a, b);
  }

  /**
   * {@code ggml_rope_ext}, not in place: a copy of {@code a}'s shape; {@code freqs} may be null.
   */
  public static Tensor rope(Tensor a, Tensor positions, Tensor freqs) {
    return dup(a, Op.ROPE, "rope", a, positions, freqs);
  }

  /** {@code ggml_swiglu_split}: the shape of {@code gate}. */
  public static Tensor swigluSplit(Tensor gate, Tensor up) {
    return fresh("swiglu", gate.type, gate.ne, Op.GLU, gate, up);
  }

  /** {@code ggml_soft_max_ext}, not in place. */
  public static Tensor softMax(Tensor a, Tensor mask) {
    return dup(a, Op.SOFT_MAX, "soft_max", a, mask);
  }

  /** {@code ggml_flash_attn_ext}: F32 {@code [v.ne0, q.ne2, q.ne1, q.ne3]} (already permuted). */
  public static Tensor flashAttnExt(Tensor q, Tensor k, Tensor v, Tensor mask) {
    return fresh(
        "flash_attn_ext",
        GgmlType.F32,
        new long[] {v.ne[0], q.ne[2], q.ne[1], q.ne[3]},
        Op.FLASH_ATTN_EXT,
        q,
        k,
        v,
        mask);
  }

  /** {@code ggml_cast}: a new tensor whose second source is itself, as in ggml. */
  public static Tensor cast(Tensor a, GgmlType t) {
    Tensor r = fresh("cast", t, a.ne, Op.CPY, a);
    r.src[1] = r;
    return r;
  }

  /** {@code ggml_cont_4d} (and {@code _2d}, {@code _3d}): a contiguous copy in a new shape. */
  public static Tensor cont(Tensor a, long... ne) {
    return fresh("cont", a.type, ne, Op.CONT, a);
  }

  /** {@code ggml_reshape_Nd}: a view of contiguous {@code a} with a new shape. */
  public static Tensor reshape(Tensor a, long... ne) {
    long[] n = pad(ne);
    return with(new Tensor("reshape", a.type, n, strides(a.type, n), Op.RESHAPE, root(a), null), a);
  }

  /**
   * {@code ggml_view_Nd}: a view of {@code a} with shape {@code ne} and the strides {@code nb1..}
   * of its upper dimensions (the rest follow as {@code ggml_view_2d}/{@code _3d} set them).
   */
  public static Tensor view(Tensor a, long[] ne, long... nbUpper) {
    long[] n = pad(ne);
    long[] nb = strides(a.type, n);
    for (int i = 0; i < nbUpper.length; i++) nb[i + 1] = nbUpper[i];
    for (int i = nbUpper.length + 1; i < 4; i++) nb[i] = nb[i - 1] * n[i - 1];
    return with(new Tensor("view", a.type, n, nb, Op.VIEW, root(a), null), a);
  }

  /** {@code ggml_permute}: dimension {@code i} of {@code a} becomes dimension {@code axis[i]}. */
  public static Tensor permute(Tensor a, int... axis) {
    Tensor r = viewOf(a, Op.PERMUTE, "permute");
    for (int i = 0; i < 4; i++) {
      r.ne[axis[i]] = a.ne[i];
      r.nb[axis[i]] = a.nb[i];
    }
    return with(r, a);
  }

  public static Tensor transpose(Tensor a) {
    Tensor r = viewOf(a, Op.TRANSPOSE, "transpose");
    r.ne[0] = a.ne[1];
    r.ne[1] = a.ne[0];
    r.nb[0] = a.nb[1];
    r.nb[1] = a.nb[0];
    return with(r, a);
  }

  /** {@code ggml_dup_tensor_layout}: the scheduler's copy of a tensor for another backend. */
  static Tensor copyOf(Tensor a, String name) {
    return new Tensor(name, a.type, a.ne, a.nb, Op.NONE, null, null);
  }

  /** {@code ggml_view_tensor}: same shape and strides, op NONE unless the caller sets one. */
  static Tensor viewOf(Tensor a, Op op, String name) {
    return new Tensor(name, a.type, a.ne, a.nb, op, root(a), null);
  }

  /** {@code ggml_new_tensor}: contiguous strides. */
  private static Tensor fresh(String name, GgmlType t, long[] ne, Op op, Tensor... srcs) {
    long[] n = pad(ne);
    return with(new Tensor(name, t, n, strides(t, n), op, null, null), srcs);
  }

  /** {@code ggml_dup_tensor}: the type and shape of {@code a}, contiguous. */
  private static Tensor dup(Tensor a, Op op, String name, Tensor... srcs) {
    return fresh(name, a.type, a.ne, op, srcs);
  }

  private static Tensor with(Tensor r, Tensor... srcs) {
    System.arraycopy(srcs, 0, r.src, 0, srcs.length);
    return r;
  }

  /** The base tensor of a view: ggml never makes a view of a view. */
  private static Tensor root(Tensor a) {
    return a.viewSrc != null ? a.viewSrc : a;
  }

  private static long[] pad(long[] ne) {
    long[] n = {1, 1, 1, 1};
    System.arraycopy(ne, 0, n, 0, Math.min(4, ne.length));
    return n;
  }

  /** The strides {@code ggml_new_tensor_impl} gives a contiguous tensor. */
  private static long[] strides(GgmlType t, long[] ne) {
    long[] nb = new long[4];
    nb[0] = t.typeSize();
    nb[1] = nb[0] * (ne[0] / t.blockSize());
    nb[2] = nb[1] * ne[1];
    nb[3] = nb[2] * ne[2];
    return nb;
  }
}
