package dev.tokbench.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The JSONL record of a serving benchmark, a line written and flushed as each thing happens: one
 * {@code "kind": "run"} line (settings, server, machine), a {@code "kind": "warmup"} line per
 * warm-up request, a {@code "kind": "request"} line per request as it finishes, and a {@code
 * "kind": "summary"} line per level. Times are milliseconds, rounded to the microsecond; unknown
 * numbers are {@code null}. Field names are in {@link ServeJson} and docs/serving.md.
 */
public final class ServeJsonl implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Writer out;
  private final boolean owned;
  private final Consumer<ObjectNode> also;

  private ServeJsonl(Writer out, boolean owned) {
    this(out, owned, line -> {});
  }

  private ServeJsonl(Writer out, boolean owned, Consumer<ObjectNode> also) {
    this.out = out;
    this.owned = owned;
    this.also = also;
  }

  /**
   * This sink, handing each line to {@code also} once it is written and flushed (serve-bench makes
   * results rows of the summaries as they come).
   */
  public ServeJsonl alsoTo(Consumer<ObjectNode> more) {
    return new ServeJsonl(out, owned, more);
  }

  /** Appends to {@code file} (created, with its directory, if missing). */
  public static ServeJsonl append(Path file) {
    try {
      if (file.toAbsolutePath().getParent() != null)
        Files.createDirectories(file.toAbsolutePath().getParent());
      return new ServeJsonl(
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
          true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  /** Writes to {@code w}, which stays open on {@link #close()} (stdout). */
  public static ServeJsonl to(Writer w) {
    return new ServeJsonl(w, false);
  }

  /** Writes one line. */
  public synchronized void write(ObjectNode line) {
    try {
      out.write(JSON.writeValueAsString(line));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the serving results", e);
    }
    also.accept(line);
  }

  @Override
  public synchronized void close() {
    try {
      if (owned) out.close();
      else out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the serving results", e);
    }
  }
}
