package dev.tokbench.memory.ggml;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ggml_dyn_tallocr} (ggml-alloc.c): offsets in one growing buffer, from a list of free
 * blocks kept in address order. A request takes the smallest free block that fits, the last one
 * (the open-ended tail) only if none does; freed space merges with its neighbours. The buffer's
 * size is the highest end ever handed out. One chunk: CUDA and host buffer types have no maximum
 * size, so ggml never opens a second.
 */
final class DynamicAllocator {
  /** {@code MAX_FREE_BLOCKS}: ggml aborts beyond it; so do we. */
  private static final int MAX_FREE_BLOCKS = 256;

  private static final long TAIL = Long.MAX_VALUE / 2;

  private final long alignment;
  private final List<long[]> free = new ArrayList<>(); // {offset, size}
  private long maxSize;
  private boolean opened;

  DynamicAllocator(long alignment) {
    this.alignment = alignment;
  }

  long maxSize() {
    return maxSize;
  }

  long alloc(long size) {
    size = align(size);
    if (!opened) {
      free.add(new long[] {0, TAIL});
      opened = true;
    }
    int best = -1;
    long bestSize = Long.MAX_VALUE;
    for (int i = 0; i < free.size() - 1; i++) {
      long blockSize = free.get(i)[1];
      if (blockSize >= size && blockSize <= bestSize) {
        best = i;
        bestSize = blockSize;
      }
    }
    if (best == -1) best = free.size() - 1;
    long[] block = free.get(best);
    long offset = block[0];
    block[0] += size;
    block[1] -= size;
    if (block[1] == 0) free.remove(best);
    maxSize = Math.max(maxSize, offset + size);
    return offset;
  }

  void free(long offset, long size) {
    size = align(size);
    for (int i = 0; i < free.size(); i++) {
      long[] block = free.get(i);
      if (block[0] + block[1] == offset) {
        block[1] += size;
        if (i < free.size() - 1 && block[0] + block[1] == free.get(i + 1)[0]) {
          block[1] += free.remove(i + 1)[1];
        }
        return;
      }
      if (offset + size == block[0]) {
        block[0] = offset;
        block[1] += size;
        if (i > 0 && free.get(i - 1)[0] + free.get(i - 1)[1] == block[0]) {
          free.get(i - 1)[1] += free.remove(i)[1];
        }
        return;
      }
    }
    insert(offset, size);
  }

  private void insert(long offset, long size) {
    if (free.size() >= MAX_FREE_BLOCKS) {
      throw new IllegalStateException(
          "graph allocation: out of free blocks (" + MAX_FREE_BLOCKS + ")");
    }
    int at = 0;
    while (at < free.size() && free.get(at)[0] < offset) at++;
    free.add(at, new long[] {offset, size});
  }

  private long align(long n) {
    return (n + alignment - 1) / alignment * alignment;
  }
}
