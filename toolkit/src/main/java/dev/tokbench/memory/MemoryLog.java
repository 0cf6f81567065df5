package dev.tokbench.memory;

import dev.tokbench.FileReadException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The memory llama.cpp reports in a log: buffer sizes ({@code load_tensors}, {@code
 * llama_kv_cache}, {@code sched_reserve}, {@code llama_context}), the memory breakdown table and
 * {@code --fit} projections, from llama-cli, llama-completion or llama-server output, or a log of
 * several configurations written by {@code scripts/gpu/memory-matrix.sh}:
 *
 * <pre>{@code
 * MemoryLog.read(Path.of("memory-breakdown.txt")).sections().get(0).breakdown("CUDA0")
 * }</pre>
 *
 * Lines are read up to {@link #MAX_LINE_CHARS} characters; the rest of a longer line is skipped, so
 * a hostile file cannot exhaust the heap. Bytes that are not UTF-8 are replaced.
 */
public final class MemoryLog {
  /** The longest line read; llama.cpp's memory lines are under 200 characters. */
  public static final int MAX_LINE_CHARS = 1 << 16;

  private final String source;
  private final List<MemorySection> sections;

  private MemoryLog(String source, List<MemorySection> sections) {
    this.source = source;
    this.sections = sections;
  }

  /**
   * @throws MemoryLogException naming the line that cannot be read
   */
  public static MemoryLog read(Path file) {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
      return parse(file.toString(), r);
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    }
  }

  /** Parses a log from {@code reader}; {@code source} names it in messages. */
  public static MemoryLog parse(String source, Reader reader) throws IOException {
    MemoryLogParser parser = new MemoryLogParser(source);
    StringBuilder line = new StringBuilder();
    int n = 0;
    boolean truncated = false;
    char[] buf = new char[8192];
    for (int got = reader.read(buf); got >= 0; got = reader.read(buf)) {
      for (int i = 0; i < got; i++) {
        char c = buf[i];
        if (c == '\n') {
          parser.line(strip(line), ++n, truncated);
          line.setLength(0);
          truncated = false;
        } else if (line.length() < MAX_LINE_CHARS) {
          line.append(c);
        } else {
          truncated = true;
        }
      }
    }
    if (line.length() > 0 || truncated) parser.line(strip(line), ++n, truncated);
    return new MemoryLog(source, parser.finish());
  }

  private static String strip(StringBuilder line) {
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') end--;
    return line.substring(0, end);
  }

  public String source() {
    return source;
  }

  public List<MemorySection> sections() {
    return sections;
  }

  /** The section of this label ({@code llama-3.2-1b-Q4_K_M c=4096 ctk=f16}). */
  public Optional<MemorySection> section(String label) {
    return sections.stream().filter(s -> s.label().equals(label)).findFirst();
  }

  @Override
  public String toString() {
    String name = source.substring(source.lastIndexOf('/') + 1);
    return "MemoryLog[" + name + ", " + sections.size() + " sections]";
  }
}
