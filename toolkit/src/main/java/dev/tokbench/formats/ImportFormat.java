package dev.tokbench.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import dev.tokbench.formats.llamabench.LlamaBenchFormat;
import dev.tokbench.formats.llamabench.LlamaBenchFormatException;
import dev.tokbench.formats.llamalog.LlamaLog;
import dev.tokbench.formats.serve.ServeOutput;
import dev.tokbench.formats.tinygrad.TinygradBench;
import dev.tokbench.formats.tinygrad.TinygradOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises a saved benchmark output from its content, so that {@code tokbench import} needs no
 * {@code --format}: a JSON object with vLLM's {@code latencies} or {@code tokens_per_second}, a CSV
 * whose header has MLC's {@code output_token_throughput}, a line of tokbench's tinygrad harness, a
 * tinygrad llama3.py log, serve-bench's JSONL (its run line first), else one of llama-bench's five
 * formats, else a llama.cpp log with memory lines (llama-cli, llama-completion, llama-server
 * stderr).
 */
final class ImportFormat {
  private static final ObjectMapper JSON = JsonInput.mapper(ReadLimits.SERVING_OUTPUT);

  private ImportFormat() {}

  /** One of {@link Import#FORMATS} other than {@code auto}. */
  static String detect(String text, String source) {
    String t = text.stripLeading();
    String first = t.lines().findFirst().orElse("");
    // before the JSON probe: a harness file is JSON lines, and may start with tinygrad's stderr
    if (TinygradBench.recognises(text)) return "tinygrad-bench";
    if (ServeOutput.recognises(text)) return "serve";
    if (t.startsWith("{")) {
      String json = jsonObject(t, source);
      if (!json.isEmpty()) return json;
    }
    if (first.contains("output_token_throughput")) return "mlc";
    if (TinygradOutput.recognises(text)) return "tinygrad";
    try {
      return LlamaBenchFormat.detect(text, source).flag();
    } catch (LlamaBenchFormatException e) {
      // after llama-bench's formats: a breakdown table's "|" rows are not llama-bench's markdown
      if (LlamaLog.recognises(text)) return LlamaLog.FORMAT;
      throw new UnrecognizedOutputException(source, abbreviate(first));
    }
  }

  /**
   * {@code vllm} for vLLM's result (vllm/benchmarks/latency.py and throughput.py write one object
   * with {@code json.dump(indent=4)}), empty for llama-bench jsonl (an object per line, with {@code
   * avg_ts}) or text that is not JSON at all. Reads top-level keys as they stream, so the sniffing
   * window's end never matters once a telling key is seen.
   */
  private static String jsonObject(String text, String source) {
    List<String> keys = new ArrayList<>();
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return "";
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String key = p.currentName();
        if (key.equals("latencies") || key.equals("tokens_per_second")) return "vllm";
        if (key.equals("avg_ts")) return "";
        keys.add(key);
        p.nextToken();
        p.skipChildren();
      }
      if (p.nextToken() != null) return ""; // more than one object: jsonl
    } catch (IOException e) {
      return ""; // not JSON, or cut short by the sniffing window: not a whole vLLM object
    }
    throw new UnrecognizedOutputException(source, abbreviate("a JSON object with keys " + keys));
  }

  private static String abbreviate(String s) {
    String t = s.strip();
    return t.length() > 60 ? t.substring(0, 57) + "..." : t;
  }
}
