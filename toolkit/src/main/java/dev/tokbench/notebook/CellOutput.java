package dev.tokbench.notebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Captures what cell code writes to {@code System.out} and {@code System.err}. In-process execution
 * shares the host's streams, so {@link #install} replaces them once, for the whole JVM, with
 * streams that route by thread: a thread running a cell (and any thread it started) writes into
 * that cell's {@link CellOutput}; every other thread writes where it always did.
 */
final class CellOutput {
  private static final InheritableThreadLocal<CellOutput> CURRENT = new InheritableThreadLocal<>();

  /** Set while a listener runs, so a listener that prints does not feed its own cell. */
  private static final ThreadLocal<Boolean> DELIVERING = ThreadLocal.withInitial(() -> false);

  private static boolean installed;

  private final Lines stdout;
  private final Lines stderr;

  CellOutput(Consumer<String> stdout, Consumer<String> stderr) {
    this.stdout = new Lines(stdout);
    this.stderr = new Lines(stderr);
  }

  static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    System.setOut(routing(System.out, false));
    System.setErr(routing(System.err, true));
  }

  /** Binds this output to the current thread and threads it starts; returns the previous one. */
  CellOutput bind() {
    CellOutput previous = CURRENT.get();
    CURRENT.set(this);
    return previous;
  }

  static void restore(CellOutput previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /** Runs a listener call so that what it prints goes to the host's stream, not the cell. */
  static void delivering(Runnable call) {
    boolean outer = DELIVERING.get();
    DELIVERING.set(true);
    try {
      call.run();
    } finally {
      DELIVERING.set(outer);
    }
  }

  /** Delivers text still waiting for its newline. */
  void flush() {
    stdout.flush();
    stderr.flush();
  }

  private static PrintStream routing(PrintStream original, boolean err) {
    OutputStream route =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            CellOutput cell = DELIVERING.get() ? null : CURRENT.get();
            if (cell == null) {
              original.write(b, off, len);
            } else {
              (err ? cell.stderr : cell.stdout).write(b, off, len);
            }
          }

          @Override
          public void flush() throws IOException {
            CellOutput cell = DELIVERING.get() ? null : CURRENT.get();
            if (cell == null) {
              original.flush();
            } else {
              (err ? cell.stderr : cell.stdout).flush();
            }
          }
        };
    return new PrintStream(route, true, StandardCharsets.UTF_8);
  }

  /** Buffers bytes and hands on whole lines (and, on flush, the rest) as UTF-8 text. */
  private static final class Lines {
    private final Consumer<String> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    Lines(Consumer<String> sink) {
      this.sink = sink;
    }

    synchronized void write(byte[] b, int off, int len) {
      pending.write(b, off, len);
      for (int i = off + len - 1; i >= off; i--) {
        if (b[i] == '\n') {
          flush();
          return;
        }
      }
    }

    synchronized void flush() {
      byte[] bytes = pending.toByteArray();
      int complete = completeUtf8Length(bytes);
      if (complete == 0) {
        return;
      }
      pending.reset();
      pending.write(bytes, complete, bytes.length - complete);
      String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
      delivering(() -> sink.accept(text));
    }

    /** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
    private static int completeUtf8Length(byte[] bytes) {
      int n = bytes.length;
      for (int back = 1; back <= Math.min(3, n); back++) {
        int b = bytes[n - back] & 0xFF;
        if ((b & 0xC0) != 0x80) { // a lead byte or ASCII
          int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
          return need > back ? n - back : n;
        }
      }
      return n;
    }
  }
}
