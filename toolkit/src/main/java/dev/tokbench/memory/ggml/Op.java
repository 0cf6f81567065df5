package dev.tokbench.memory.ggml;

/** The ggml operations of the graphs modelled here, with the two properties the allocator reads. */
public enum Op {
  NONE(false, false),
  GET_ROWS(false, false),
  SET_ROWS(false, false),
  RMS_NORM(true, false),
  MUL(true, false),
  ADD(true, false),
  SCALE(true, false),
  MUL_MAT(false, false),
  RESHAPE(false, true),
  VIEW(false, true),
  PERMUTE(false, true),
  TRANSPOSE(false, true),
  CONT(false, false),
  CPY(false, false),
  ROPE(true, false),
  SOFT_MAX(true, false),
  FLASH_ATTN_EXT(false, false),
  GLU(false, false);

  private final boolean canInplace;
  private final boolean viewOp;

  Op(boolean canInplace, boolean viewOp) {
    this.canInplace = canInplace;
    this.viewOp = viewOp;
  }

  /**
   * {@code ggml_op_can_inplace} (ggml-alloc.c): the allocator may give the result a parent's
   * memory.
   */
  public boolean canInplace() {
    return canInplace;
  }

  /** {@code ggml_is_view_op} (ggml-backend.cpp): reshape, view, permute, transpose. */
  public boolean isViewOp() {
    return viewOp;
  }
}
