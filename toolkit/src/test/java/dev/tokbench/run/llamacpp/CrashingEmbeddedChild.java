package dev.tokbench.run.llamacpp;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.tokbench.results.BenchResult;
import dev.tokbench.run.llamacpp.embedded.EmbeddedChild;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Path;

/**
 * {@link EmbeddedChild} with the real embedded llama.cpp, which dies for real in one test: when the
 * test named by {@code CRASH_AT} ({@code FILE TEST threads=N}) is done, but before its row is
 * printed, the JVM dies as {@code CRASH_HOW} says: {@code segv} writes to address 0 (a SIGSEGV the
 * JVM's handler reports in an hs_err file), {@code abort} prints ggml's assertion text and calls
 * libc's {@code abort()}, {@code oom} prints ggml's host allocation failure and aborts, {@code
 * hang} sleeps without using CPU.
 */
public final class CrashingEmbeddedChild {
  /** What it says on stderr when it starts to hang. */
  static final String HANGING = "CrashingEmbeddedChild: hanging";

  private CrashingEmbeddedChild() {}

  /** libc, for a real abort() from native code. */
  public interface Libc extends Library {
    void abort();
  }

  public static void main(String[] args) throws Exception {
    EmbeddedChild.endWithParent();
    PrintStream rows = System.out;
    System.setOut(System.err);
    String at = System.getenv().getOrDefault("CRASH_AT", "");
    String how = System.getenv().getOrDefault("CRASH_HOW", "");
    EmbeddedChild.run(
        args,
        row -> {
          if (name(row).equals(at)) die(how);
          EmbeddedChild.print(rows, row);
        });
    System.exit(0);
  }

  static String name(BenchResult row) {
    Path model = Path.of(row.provenance().get("model_path")).getFileName();
    return model + " " + row.test() + " threads=" + row.flags().get("threads");
  }

  private static void die(String how) {
    switch (how) {
      case "segv" -> unsafe().putAddress(0, 0);
      case "abort" -> {
        System.err.println(
            "/src/llama.cpp/ggml/src/ggml.c:1766: GGML_ASSERT(ggml_can_repeat(b, a)) failed");
        Native.load("c", Libc.class).abort();
      }
      case "oom" -> {
        System.err.println(
            "ggml_aligned_malloc: insufficient memory (attempted to allocate 40960.00 MB)");
        Native.load("c", Libc.class).abort();
      }
      case "hang" -> {
        System.err.println(HANGING);
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      default -> throw new IllegalArgumentException("CRASH_HOW " + how);
    }
  }

  private static sun.misc.Unsafe unsafe() {
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (sun.misc.Unsafe) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
