package dev.tokbench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The most one reader takes from one input, so that a hostile or runaway file is refused with an
 * error that names the limit, the file and the line, instead of exhausting the heap or the stack.
 * Each reader's javadoc names the limits it applies; {@code docs/limits.md} lists them all.
 *
 * <p>{@code ReadLimits.LLAMA_BENCH.read(file)} is the text of a file checked against all of them
 * that apply to text: its size, strict UTF-8 (a bad byte is reported with its offset) and the
 * length of each line. JSON and YAML readers take nesting and string limits through {@link
 * JsonInput}.
 *
 * @param what the kind of input, as messages name it ({@code llama-bench output})
 * @param maxBytes the largest file
 * @param maxLineChars the longest line, in characters
 * @param maxNesting the deepest nesting of JSON or YAML arrays and objects
 * @param maxFieldChars the longest string value, key or cell
 * @param maxItems the most cells in a row, cells in a notebook or points in a sweep
 */
public record ReadLimits(
    String what, long maxBytes, int maxLineChars, int maxNesting, int maxFieldChars, int maxItems) {
  private static final int KIB = 1 << 10;
  private static final int MIB = 1 << 20;

  /**
   * As far as a process's output lines go: the launcher keeps at most this much of one line, so a
   * saved output may have lines as long.
   */
  public static final int OUTPUT_LINE_CHARS = 8 * MIB;

  /** llama-bench's five formats and llama-batched-bench's JSONL. */
  public static final ReadLimits LLAMA_BENCH =
      new ReadLimits("llama-bench output", 64 * MIB, OUTPUT_LINE_CHARS, 32, MIB, 10_000);

  /** tinygrad's llama3.py logs (a DEBUG=2 log of a long run is large; its lines are not). */
  public static final ReadLimits TINYGRAD =
      new ReadLimits("tinygrad output", 256 * MIB, OUTPUT_LINE_CHARS, 32, MIB, 10_000);

  /** vLLM's {@code --output-json} and MLC LLM's bench CSV. */
  public static final ReadLimits SERVING_OUTPUT =
      new ReadLimits("vLLM or MLC LLM output", 64 * MIB, 64 * MIB, 32, MIB, 10_000);

  /** tokbench serve-bench's JSONL: a line a request, each with every inter-token gap. */
  public static final ReadLimits SERVE_JSONL =
      new ReadLimits("serve-bench JSONL", 256 * MIB, OUTPUT_LINE_CHARS, 32, MIB, 10_000);

  /**
   * Power traces: nvidia-smi CSV, tegrastats logs, tokbench's trace CSV (lines as BoundedLines).
   */
  public static final ReadLimits POWER_TRACE =
      new ReadLimits("power trace", 256 * MIB, 64 * KIB, 1, 64 * KIB, 10_000);

  /** tokbench's own results CSV and JSONL files and sweep stores. */
  public static final ReadLimits RESULTS =
      new ReadLimits("tokbench results file", 256 * MIB, OUTPUT_LINE_CHARS, 32, 8 * MIB, 10_000);

  /**
   * {@code .ipynb} notebooks: no line limit but the file's (a base64 image is one long string), a
   * string as long as the file.
   */
  public static final ReadLimits NOTEBOOK =
      new ReadLimits("notebook", 256 * MIB, 256 * MIB, 100, 256 * MIB, 10_000);

  /** Sweep files (YAML or JSON); {@code maxItems} bounds the points the axes multiply out to. */
  public static final ReadLimits SWEEP =
      new ReadLimits("sweep file", MIB, 64 * KIB, 32, 64 * KIB, 100_000);

  /** Fleet files (YAML or JSON); {@code maxItems} bounds the targets. */
  public static final ReadLimits FLEET =
      new ReadLimits("fleet file", MIB, 64 * KIB, 32, 64 * KIB, 10_000);

  /** The kernel's connection file and the JSON parts of a Jupyter message. */
  public static final ReadLimits KERNEL =
      new ReadLimits("Jupyter connection file or message", 64 * MIB, 64 * MIB, 255, 64 * MIB, 0);

  public ReadLimits {
    if (maxBytes < 1 || maxLineChars < 1 || maxNesting < 1 || maxFieldChars < 1 || maxItems < 0) {
      throw new IllegalArgumentException("limits must be positive: " + what);
    }
  }

  /**
   * The text of {@code file}, refused when it is larger than {@link #maxBytes}, not UTF-8 (naming
   * the byte offset and line of the first bad byte) or has a line longer than {@link
   * #maxLineChars}.
   *
   * @throws FileReadException when it cannot be read at all
   * @throws InputLimitException when a limit is exceeded
   * @throws BadLineException when it is not UTF-8
   */
  public String read(Path file) {
    String source = file.toString();
    try {
      long size = Files.size(FileReadException.requireReadable(file));
      if (size > maxBytes) throw tooLarge(source, size);
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length > maxBytes) throw tooLarge(source, bytes.length);
      return check(utf8(bytes, source), source);
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    }
  }

  /** {@code text} if no line is longer than {@link #maxLineChars}; else the limit's error. */
  public String check(String text, String source) {
    // indexOf is vectorised by the JVM, so the breaks are found a block at a time: the next \n and
    // the next \r are looked for separately, each again only once the scan has passed it
    int start = 0;
    long line = 1;
    int lf = text.indexOf('\n');
    int cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      int at = cr < 0 || lf >= 0 && lf < cr ? lf : cr;
      if (at - start > maxLineChars) throw lineTooLong(source, line, at - start);
      start = at == cr && at + 1 == lf ? at + 2 : at + 1; // \r\n is one break
      line++;
      if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    }
    if (text.length() - start > maxLineChars) {
      throw lineTooLong(source, line, text.length() - start);
    }
    return text;
  }

  /** The error for a count of {@code items} (cells, points) above {@link #maxItems}. */
  public InputLimitException tooMany(String source, long line, String items, long count) {
    return exceeded(
        source, line, number(count) + " " + items, "at most " + number(maxItems) + " " + items);
  }

  /**
   * The error for more {@code items} than {@link #maxItems}, found by a reader that stops counting
   * at the first one too many rather than read the rest.
   */
  public InputLimitException tooMany(String source, long line, String items) {
    return exceeded(
        source,
        line,
        "more than " + number(maxItems) + " " + items,
        "at most " + number(maxItems) + " " + items);
  }

  /** The error for nesting or a string past a limit, as a JSON or YAML parser reports it. */
  public InputLimitException exceeded(String source, long line, String found, String allowed) {
    return new InputLimitException(
        source, line, found + "; a " + what + " may have " + allowed + " (docs/limits.md)");
  }

  private InputLimitException tooLarge(String source, long size) {
    return exceeded(source, 1, "the file is " + number(size) + " bytes", limit(maxBytes, "bytes"));
  }

  private InputLimitException lineTooLong(String source, long line, long chars) {
    return exceeded(
        source,
        line,
        "line " + line + " is " + number(chars) + " characters long",
        "lines of " + limit(maxLineChars, "characters"));
  }

  private static String limit(long n, String unit) {
    return "at most " + number(n) + " " + unit;
  }

  /** {@code 67,108,864}: limits are read by people. */
  public static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The bytes as UTF-8; a malformed sequence is an error naming its byte offset and line. */
  private static String utf8(byte[] bytes, String source) {
    // most benchmark files are ASCII, and ASCII is Latin-1: one copy into a compact string
    if (ascii(bytes)) return new String(bytes, StandardCharsets.ISO_8859_1);
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = d.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      throw new BadLineException(
          source, lineAt(bytes, at), "not UTF-8: a malformed byte at offset " + at, null);
    }
    d.flush(out);
    return out.flip().toString();
  }

  /** True when no byte has its top bit set: eight bytes at a time, the file is read once more. */
  private static boolean ascii(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    long or = 0;
    int i = 0;
    for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) or |= in.getLong(i);
    for (; i < bytes.length; i++) or |= bytes[i];
    return (or & 0x8080_8080_8080_8080L) == 0;
  }

  private static long lineAt(byte[] bytes, int offset) {
    long line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= offset || bytes[i + 1] != '\n')) {
        line++;
      }
    }
    return line;
  }
}
