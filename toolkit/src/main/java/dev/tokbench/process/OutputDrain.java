package dev.tokbench.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Empties a process's stdout and stderr pipes as fast as the process fills them, on two threads
 * that only copy bytes into a bounded queue; the launching thread takes the bytes out and splits
 * and parses them. Why: a pipe holds 64 KiB, and a reader that parsed as it read would make a
 * process that writes faster than that wait for the parser. That wait was the launcher's overhead
 * in {@code scripts/bench-runs}; now parsing overlaps with the process's own work.
 */
final class OutputDrain implements AutoCloseable {
  /** At most this many reads (of up to 64 KiB each) wait; then the process waits for the parser. */
  private static final int QUEUE_CHUNKS = 512;

  private static final int READ_BYTES = 1 << 16;

  /**
   * Bytes read from one stream, or its end ({@code bytes} null), and when the read returned ({@link
   * System#nanoTime()}), taken here on the reading thread: the launching thread may take the chunk
   * out much later.
   */
  record Chunk(boolean stderr, byte[] bytes, long nanos) {
    boolean end() {
      return bytes == null;
    }
  }

  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
  private volatile boolean closed;

  private OutputDrain() {}

  /** Starts draining both of {@code process}'s output streams. */
  static OutputDrain start(Process process) {
    OutputDrain d = new OutputDrain();
    d.read(process.getInputStream(), false);
    d.read(process.getErrorStream(), true);
    return d;
  }

  /** The next chunk, or null when none came within {@code millis}. */
  Chunk poll(long millis) throws InterruptedException {
    return queue.poll(millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Stops taking bytes: readers still blocked on a pipe a stray grandchild holds just end later.
   */
  @Override
  public void close() {
    closed = true;
    queue.clear();
  }

  private void read(InputStream in, boolean stderr) {
    Thread t =
        new Thread(
            () -> {
              try (in) {
                byte[] buf = new byte[READ_BYTES];
                for (int n = in.read(buf); n >= 0 && !closed; n = in.read(buf)) {
                  if (n > 0) put(new Chunk(stderr, Arrays.copyOf(buf, n), System.nanoTime()));
                }
              } catch (IOException e) {
                // the stream closes under us when the tree is killed: nothing more to read
              } finally {
                put(new Chunk(stderr, null, System.nanoTime()));
              }
            },
            stderr ? "tokbench-err" : "tokbench-out");
    t.setDaemon(true);
    t.start();
  }

  private void put(Chunk c) {
    try {
      while (!closed && !queue.offer(c, 100, TimeUnit.MILLISECONDS)) {
        // full: the parser is behind; the process waits on its pipe meanwhile
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
