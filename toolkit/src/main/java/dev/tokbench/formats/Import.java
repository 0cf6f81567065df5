package dev.tokbench.formats;

import dev.tokbench.BadInputException;
import dev.tokbench.FileReadException;
import dev.tokbench.ReadLimits;
import dev.tokbench.formats.llamabench.LlamaBenchFormat;
import dev.tokbench.formats.llamabench.LlamaBenchOutput;
import dev.tokbench.formats.llamalog.LlamaLog;
import dev.tokbench.formats.mlc.MlcOutput;
import dev.tokbench.formats.serve.ServeOutput;
import dev.tokbench.formats.tinygrad.TinygradBench;
import dev.tokbench.formats.tinygrad.TinygradLog;
import dev.tokbench.formats.vllm.LatencyShape;
import dev.tokbench.formats.vllm.VllmOutput;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Saved outputs of any supported tool as normalised rows: llama-bench in its five formats
 * (recognised from content), a tinygrad benchmark log, the JSON lines of tokbench's tinygrad
 * harness ({@code scripts/tinygrad_bench.py}), a vLLM {@code --output-json}, an MLC LLM bench CSV,
 * tokbench serve-bench's JSONL (a row per load level), tokbench's own results files and sweep
 * stores (to merge them), and llama.cpp's logs (llama-cli, llama-completion, llama-server stderr)
 * as memory rows ({@link dev.tokbench.results.MemoryRow}).
 */
public final class Import {
  private static final int SNIFF_BYTES = 1 << 20;

  private Import() {}

  /**
   * The provenance key under which {@code tokbench import} records the SHA-256 of the file a row
   * came from, so that the same file is never imported twice (into one results file, or beside its
   * rows in a data folder's {@code runs/}).
   */
  public static final String SOURCE_HASH = "source_sha256";

  /** Formats {@link #read} takes; {@code auto} recognises any of the others from content. */
  public static final List<String> FORMATS =
      List.of(
          "auto",
          "json",
          "jsonl",
          "csv",
          "md",
          "sql",
          "tinygrad",
          "tinygrad-bench",
          "vllm",
          "mlc",
          "serve",
          "tokbench",
          LlamaLog.FORMAT);

  /** The rows of one file, its format recognised from its content. */
  public static List<BenchResult> read(Path file) {
    return read(file, "auto");
  }

  /** The name of the format {@link #read(Path)} would use for this file. */
  public static String detect(Path file) {
    if (ResultsFile.isResultsFile(file)) return "tokbench";
    String gunzipped = gunzippedHead(file);
    if (gunzipped != null && LlamaLog.recognises(gunzipped)) return LlamaLog.FORMAT;
    return ImportFormat.detect(head(file), file.toString());
  }

  /** The rows of one file in the given format ({@code auto}: recognised from content). */
  public static List<BenchResult> read(Path file, String format) {
    return read(file, format, ImportHints.NONE);
  }

  /**
   * The rows of one file in the given format, with what {@code hints} say filled in where the file
   * is silent. A named format the content does not match is an error naming both.
   */
  public static List<BenchResult> read(Path file, String format, ImportHints hints) {
    String f = checked(file, format.toLowerCase(Locale.ROOT));
    return parse(file, f).stream().map(r -> withStderr(file, r)).map(hints::fill).toList();
  }

  /**
   * A saved stdout whose run failed, with the error its {@code .stderr} beside it printed:
   * llama-bench pointed at a missing model prints {@code [} on stdout and the cause on stderr.
   */
  private static BenchResult withStderr(Path file, BenchResult r) {
    String name = file.getFileName().toString();
    if (r.ok() || !name.endsWith(".stdout")) return r;
    Path err = file.resolveSibling(name.substring(0, name.length() - 7) + ".stderr");
    if (!Files.isRegularFile(err)) return r;
    List<String> lines =
        ReadLimits.LLAMA_BENCH
            .read(err)
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .toList();
    String cause =
        lines.stream()
            .filter(l -> l.toLowerCase(Locale.ROOT).contains("error"))
            .reduce((a, b) -> b)
            .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    return cause.isEmpty() ? r : r.withStatus(r.status(), cause + " (" + r.reason() + ")");
  }

  /** The format to read {@code file} in: the one named, if the content is that, else an error. */
  private static String checked(Path file, String named) {
    if (!FORMATS.contains(named) && !named.equals("markdown")) {
      throw new BadInputException(
          "unknown import format '" + named + "', expected one of " + FORMATS);
    }
    if (named.equals("auto")) return detect(file);
    String seen;
    try {
      seen = detect(file);
    } catch (UnrecognizedOutputException e) {
      return named; // its own reader says what is wrong with it
    }
    String want = named.equals("markdown") ? "md" : named;
    if (!seen.equals(want)) {
      throw new BadInputException(
          file
              + ": --format "
              + named
              + ", but the content is "
              + describe(seen)
              + "; use --format "
              + seen
              + " or --format auto");
    }
    return want;
  }

  private static String describe(String format) {
    return switch (format) {
      case "json", "jsonl", "csv", "md", "sql" -> "llama-bench " + format;
      case "tinygrad" -> "a tinygrad llama3.py log";
      case "vllm" -> "a vLLM --output-json";
      case "mlc" -> "an MLC LLM bench CSV";
      case "serve" -> "a tokbench serve-bench JSONL";
      case "tokbench" -> "a tokbench results file";
      case LlamaLog.FORMAT -> "a llama.cpp log with memory lines";
      default -> format;
    };
  }

  private static List<BenchResult> parse(Path file, String f) {
    String model = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    return switch (f) {
      case "json", "jsonl", "csv", "md", "markdown", "sql" ->
          LlamaBenchOutput.read(file, LlamaBenchFormat.parse(f));
      case "tinygrad" -> List.of(TinygradLog.read(file));
      case "tinygrad-bench" -> TinygradBench.read(file);
      case "vllm" -> List.of(VllmOutput.read(file, model, LatencyShape.DEFAULT));
      case "mlc" -> MlcOutput.read(file, model);
      case "serve" -> ServeOutput.read(file);
      case "tokbench" -> ResultsFile.read(file);
      case LlamaLog.FORMAT -> LlamaLog.read(file);
      default ->
          throw new BadInputException(
              "unknown import format '" + f + "', expected one of " + FORMATS);
    };
  }

  /** The SHA-256 of a file's bytes, in hex: the content hash imports are recognised by. */
  public static String sha256(Path file) {
    try (java.io.InputStream in = Files.newInputStream(FileReadException.requireReadable(file))) {
      java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) d.update(buf, 0, n);
      return java.util.HexFormat.of().formatHex(d.digest());
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }

  /**
   * The start of the file that {@link #detect} looks at: its first {@value #SNIFF_BYTES} bytes,
   * decoded leniently (the reader chosen checks the whole file strictly).
   */
  /** The start of a gzip file's content (a matrix log is kept gzipped), null for any other. */
  private static String gunzippedHead(Path file) {
    try (InputStream in = Files.newInputStream(FileReadException.requireReadable(file))) {
      byte[] magic = in.readNBytes(2);
      if (magic.length < 2 || (magic[0] & 0xff) != 0x1f || (magic[1] & 0xff) != 0x8b) return null;
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    }
    try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null; // not whole gzip: the other formats' readers say what it is not
    }
  }

  private static String head(Path file) {
    byte[] head = new byte[SNIFF_BYTES];
    try (InputStream in = Files.newInputStream(FileReadException.requireReadable(file))) {
      int n = in.readNBytes(head, 0, head.length);
      return new String(head, 0, n, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    }
  }
}
