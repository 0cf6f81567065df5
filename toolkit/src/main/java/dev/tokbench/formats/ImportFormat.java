package dev.tokbench.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.formats.llamabench.LlamaBenchFormat;
import dev.tokbench.formats.llamabench.LlamaBenchFormatException;
import dev.tokbench.formats.tinygrad.TinygradBench;
import dev.tokbench.formats.tinygrad.TinygradOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises a saved benchmark output from its content, so that {@code tokbench import} needs no
 * {@code --format}: a JSON object with vLLM's {@code latencies} or {@code tokens_per_second}, a CSV
 * whose header has MLC's {@code output_token_throughput}, a line of tokbench's tinygrad harness, a
 * tinygrad llama3.py log, else one of llama-bench's five formats.
 */
final class ImportFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ImportFormat() {}

  /** One of {@link Import#FORMATS} other than {@code auto}. */
  static String detect(String text, String source) {
    String t = text.stripLeading();
    String first = t.lines().findFirst().orElse("");
    // before the JSON probe: a harness file is JSON lines, and may start with tinygrad's stderr
    if (TinygradBench.recognises(text)) return "tinygrad-bench";
    if (t.startsWith("{")) {
      String json = jsonObject(t, source);
      if (!json.isEmpty()) return json;
    }
    if (first.contains("output_token_throughput")) return "mlc";
    if (TinygradOutput.recognises(text)) return "tinygrad";
    try {
      return LlamaBenchFormat.detect(text, source).flag();
    } catch (LlamaBenchFormatException e) {
      throw new UnrecognizedOutputException(source, abbreviate(first));
    }
  }

  /**
   * {@code vllm} for vLLM's result (vllm/benchmarks/latency.py and throughput.py write one object
   * with {@code json.dump(indent=4)}), empty for llama-bench jsonl (an object per line, with {@code
   * avg_ts}) or text that is not JSON at all.
   */
  private static String jsonObject(String text, String source) {
    try (JsonParser p = JSON.createParser(text)) {
      JsonNode o = JSON.readTree(p);
      boolean alone = p.nextToken() == null;
      if (o == null || !o.isObject()) return "";
      if (o.has("latencies") || o.has("tokens_per_second")) return "vllm";
      if (alone && !o.has("avg_ts")) {
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        throw new UnrecognizedOutputException(
            source, abbreviate("a JSON object with keys " + keys));
      }
      return "";
    } catch (IOException e) {
      return "";
    }
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() > 60 ? t.substring(0, 57) + "..." : t;
  }
}
