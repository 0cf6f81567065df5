package dev.tokbench.synth;

import dev.tokbench.gguf.TensorData;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The bytes of one synthetic tensor: norms are all ones (F32), weight matrices are units drawn from
 * a {@link BlockPool}. Chunks are filled by the worker threads a few chunks ahead of the one being
 * written, so generation and disk writes overlap and both cores are used.
 */
final class SyntheticTensorData implements TensorData {
  private static final int CHUNK_BYTES = 4 << 20;
  private static final int AHEAD = 4;

  private final PlannedTensor tensor;
  private final BlockPool pool;
  private final long tensorSeed;
  private final ExecutorService workers;
  private final Queue<byte[]> spare = new ConcurrentLinkedQueue<>();

  SyntheticTensorData(
      PlannedTensor tensor, BlockPool pool, long tensorSeed, ExecutorService workers) {
    this.tensor = tensor;
    this.pool = pool;
    this.tensorSeed = tensorSeed;
    this.workers = workers;
  }

  @Override
  public void writeTo(Sink out) throws IOException {
    if (tensor.norm()) {
      writeOnes(out);
      return;
    }
    long units = tensor.elements() / pool.unitElements();
    long perChunk = Math.max(1, CHUNK_BYTES / pool.unitBytes());
    Deque<Future<byte[]>> pending = new ArrayDeque<>();
    long next = 0;
    while (next < units || !pending.isEmpty()) {
      while (next < units && pending.size() < AHEAD) {
        long from = next;
        long to = Math.min(units, from + perChunk);
        pending.add(workers.submit(() -> fill(from, to)));
        next = to;
      }
      byte[] chunk = take(pending.removeFirst());
      out.write(chunk, 0, chunk.length);
      spare.offer(chunk); // the sink has copied or written it: reuse, sparing the GC 4 MiB arrays
    }
  }

  private byte[] fill(long fromUnit, long toUnit) {
    int bytes = Math.toIntExact((toUnit - fromUnit) * pool.unitBytes());
    byte[] chunk = spare.poll();
    if (chunk == null || chunk.length != bytes) chunk = new byte[bytes];
    for (long u = fromUnit; u < toUnit; u++) {
      pool.copyUnit(tensorSeed, u, chunk, (int) (u - fromUnit) * pool.unitBytes());
    }
    return chunk;
  }

  private static byte[] take(Future<byte[]> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while generating weights");
    } catch (ExecutionException e) {
      throw new IllegalStateException("weight generation failed", e.getCause());
    }
  }

  private void writeOnes(Sink out) throws IOException {
    ByteBuffer b =
        ByteBuffer.allocate(Math.toIntExact(tensor.bytes())).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) b.putFloat(1.0f);
    out.write(b.array(), 0, b.capacity());
  }
}
