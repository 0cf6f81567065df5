package dev.tokbench.run.llamacpp.embedded;

import dev.tokbench.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads de.kherud:llama's native library once, working round two habits of its loader (4.2.0). On
 * its first load in a JVM it deletes every file in its temporary folder whose name starts with
 * {@code llama} — by default {@code java.io.tmpdir}, where a user may well keep {@code
 * /tmp/llama-3.2-1b-Q4_K_M.gguf} — so it gets a folder of its own. It also prints {@code Extracted
 * '…' to '…'} on standard output, which would land in whichever notebook cell loaded it first and
 * make outputs differ run to run; that one line is dropped.
 */
public final class NativeLlama {
  private static final String TMPDIR = "de.kherud.llama.tmpdir";
  private static final String NOT_ON_CLASS_PATH =
      "de.kherud:llama (the embedded llama.cpp) is not on the class path (the lean bundle leaves it"
          + " out): run an external llama-bench (--binary or LLAMA_BENCH)";
  private static boolean loaded;

  private NativeLlama() {}

  /**
   * Fails unless de.kherud:llama is on this JVM's class path (the lean bundle leaves it out),
   * before a child JVM is started for it, which would fail the same way for every test.
   */
  public static void requireOnClassPath() {
    if (NativeLlama.class.getClassLoader().getResource("de/kherud/llama/LlamaModel.class") == null)
      throw new NotOnClassPathException();
  }

  /** The embedded llama.cpp was asked for where it is not: the user can choose a llama-bench. */
  public static final class NotOnClassPathException extends BadInputException {
    NotOnClassPathException() {
      super(NOT_ON_CLASS_PATH);
    }
  }

  /** Loads the library (once per JVM); later calls do nothing. */
  public static synchronized void load() {
    if (loaded) return;
    if (System.getProperty(TMPDIR) == null) System.setProperty(TMPDIR, privateFolder().toString());
    PrintStream out = System.out;
    System.setOut(new PrintStream(new DropExtracted(out), true, StandardCharsets.UTF_8));
    try {
      Class.forName("de.kherud.llama.LlamaModel", true, NativeLlama.class.getClassLoader());
      loaded = true;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(NOT_ON_CLASS_PATH, e);
    } finally {
      System.setOut(out);
    }
  }

  private static Path privateFolder() {
    try {
      Path dir = Files.createTempDirectory("tokbench-jllama-");
      dir.toFile().deleteOnExit();
      // Registered after the folder, so deleted before it at exit.
      dir.resolve(System.mapLibraryName("jllama")).toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a folder for llama.cpp's native library", e);
    }
  }

  /** Forwards output line by line, except the loader's {@code Extracted '…'} line. */
  private static final class DropExtracted extends OutputStream {
    private final PrintStream target;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    DropExtracted(PrintStream target) {
      this.target = target;
    }

    @Override
    public synchronized void write(int b) {
      line.write(b);
      if (b == '\n') flushLine();
    }

    @Override
    public synchronized void flush() {
      if (line.size() > 0 && !line.toString(StandardCharsets.UTF_8).startsWith("Extracted '")) {
        flushLine();
      }
      target.flush();
    }

    private void flushLine() {
      String text = line.toString(StandardCharsets.UTF_8);
      if (!text.startsWith("Extracted '")) target.print(text);
      line.reset();
    }
  }
}
