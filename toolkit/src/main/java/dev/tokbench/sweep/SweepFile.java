package dev.tokbench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tokbench.BadInputException;
import dev.tokbench.device.Machine;
import dev.tokbench.formats.tinygrad.WarmupRule;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.run.RunResult;
import dev.tokbench.run.RunSettings;
import dev.tokbench.run.llamacpp.LlamaBench;
import dev.tokbench.run.mlc.MlcLlm;
import dev.tokbench.run.mlc.MlcRun;
import dev.tokbench.run.tinygrad.Tinygrad;
import dev.tokbench.run.vllm.Vllm;
import dev.tokbench.run.vllm.VllmRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep declared in YAML or JSON. {@code ${axis}} in {@code args}, {@code env} and {@code model}
 * is replaced by the cell's value; {@code store} is relative to the file's folder.
 *
 * <pre>
 * name: fa-on-off
 * store: results/fa.jsonl
 * axes:
 *   model: [llama-3.2-1b-Q4_K_M.gguf, llama-3.2-1b-Q6_K.gguf]
 *   fa: ["0", "1"]
 * run:
 *   framework: llama-bench        # or embedded, tinygrad, vllm, mlc
 *   binary: /opt/llama.cpp/build/bin/llama-bench   # default: $LLAMA_BENCH, else PATH,
 *                                 # else the embedded llama.cpp (-m -p -n -r -t only)
 *   args: [-m, "${model}", -fa, "${fa}", -p, "512", -n, "128", -ngl, "99"]
 *   env: {CUDA_VISIBLE_DEVICES: "0"}
 *   timeout_s: 1800
 *   # tinygrad: checkout, model, backend, size, python, warmup_tokens
 *   # vllm: model, bench (latency or throughput), binary, input_len, output_len, batch_size,
 *   #   num_prompts
 *   # mlc: model_dir, model_lib, python, input_len, output_len, num_requests
 * </pre>
 */
public final class SweepFile {
  private SweepFile() {}

  /** The sweep a YAML ({@code .yaml}/{@code .yml}) or JSON file declares. */
  public static Sweep read(Path file) {
    JsonNode root = tree(file);
    Sweep sweep = Sweep.named(text(root, "name", file.getFileName().toString()));
    JsonNode axes = root.path("axes");
    if (!axes.isObject() || axes.isEmpty())
      throw bad(file, "needs 'axes', a map of axis name to a list of values");
    for (Iterator<Map.Entry<String, JsonNode>> it = axes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      sweep.axis(e.getKey(), strings(e.getValue(), file, "axes." + e.getKey()));
    }
    String store = text(root, "store", "");
    if (store.isEmpty()) throw bad(file, "needs 'store', the results file (.jsonl or .csv)");
    Path base = file.toAbsolutePath().getParent();
    sweep.store(base.resolve(store));
    return sweep.runner(runner(root.path("run"), file));
  }

  private static CellRunner runner(JsonNode run, Path file) {
    String framework = text(run, "framework", "");
    List<String> args = run.has("args") ? strings(run.get("args"), file, "run.args") : List.of();
    Map<String, String> env = map(run.path("env"));
    Duration timeout =
        Duration.ofSeconds(run.path("timeout_s").asLong(ProcessSpec.DEFAULT_TIMEOUT.toSeconds()));
    Map<String, String> machine = Machine.describe();
    RunBlock block = new RunBlock(run, args, env, timeout, machine);
    return switch (framework) {
      case "llama-bench", "llama.cpp", "embedded" -> {
        Path binary = run.has("binary") ? Path.of(run.get("binary").asText()) : null;
        yield (cell, sink) -> {
          LlamaBench b = engine(framework, binary);
          block.apply(cell, b);
          return b.run(sink);
        };
      }
      case "tinygrad" -> tinygrad(block);
      case "vllm" -> vllm(block);
      case "mlc", "mlc-llm" -> mlc(block);
      default ->
          throw bad(
              file,
              "run.framework must be llama-bench, embedded, tinygrad, vllm or mlc, got '"
                  + framework
                  + "'");
    };
  }

  /** The {@code run:} block: its framework-specific fields, and what every framework shares. */
  private record RunBlock(
      JsonNode run,
      List<String> args,
      Map<String, String> env,
      Duration timeout,
      Map<String, String> machine) {
    /**
     * Gives a run the block's timeout and machine, and the cell's arguments and environment with
     * {@code ${axis}} filled in.
     */
    void apply(SweepCell cell, RunSettings<?> r) {
      r.timeout(timeout).machine(machine);
      args.forEach(a -> r.arg(cell.fill(a)));
      env.forEach((k, v) -> r.env(k, cell.fill(v)));
    }
  }

  /** A named binary; else llama-bench if configured, else the embedded llama.cpp. */
  private static LlamaBench engine(String framework, Path binary) {
    if (framework.equals("embedded")) return LlamaBench.embedded();
    return binary != null ? LlamaBench.at(binary) : LlamaBench.auto();
  }

  private static CellRunner tinygrad(RunBlock b) {
    JsonNode run = b.run();
    return (cell, sink) -> {
      Tinygrad t =
          Tinygrad.at(Path.of(cell.fill(text(run, "checkout", "."))))
              .backend(cell.fill(text(run, "backend", "CUDA")))
              .size(cell.fill(text(run, "size", "1B")))
              .python(text(run, "python", "python3"));
      if (run.has("model")) t.model(Path.of(cell.fill(run.get("model").asText())));
      if (run.has("warmup_tokens"))
        t.warmup(WarmupRule.firstTokens(run.get("warmup_tokens").asInt()));
      b.apply(cell, t);
      return emit(t.run(), sink);
    };
  }

  private static CellRunner vllm(RunBlock b) {
    JsonNode run = b.run();
    return (cell, sink) -> {
      String model = cell.fill(text(run, "model", ""));
      boolean throughput = text(run, "bench", "latency").equals("throughput");
      VllmRun v = throughput ? Vllm.throughput(model) : Vllm.latency(model);
      v.binary(text(run, "binary", "vllm"));
      whole(run, cell, "input_len").ifPresent(v::inputLen);
      whole(run, cell, "output_len").ifPresent(v::outputLen);
      whole(run, cell, "batch_size").ifPresent(v::batchSize);
      whole(run, cell, "num_prompts").ifPresent(v::prompts);
      b.apply(cell, v);
      return emit(v.run(), sink);
    };
  }

  private static CellRunner mlc(RunBlock b) {
    JsonNode run = b.run();
    return (cell, sink) -> {
      MlcRun m =
          MlcLlm.bench(
                  Path.of(cell.fill(text(run, "model_dir", "."))),
                  Path.of(cell.fill(text(run, "model_lib", ""))))
              .python(text(run, "python", "python3"));
      whole(run, cell, "input_len").ifPresent(m::inputLen);
      whole(run, cell, "output_len").ifPresent(m::outputLen);
      whole(run, cell, "num_requests").ifPresent(m::requests);
      b.apply(cell, m);
      return emit(m.run(), sink);
    };
  }

  private static RunResult emit(RunResult r, java.util.function.Consumer<BenchResult> sink) {
    r.rows().forEach(sink);
    return r;
  }

  /** A whole number from the run section, {@code ${axis}} filled in. */
  private static java.util.OptionalInt whole(JsonNode run, SweepCell cell, String field) {
    if (!run.has(field)) return java.util.OptionalInt.empty();
    String v = cell.fill(run.get(field).asText());
    try {
      return java.util.OptionalInt.of(Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      throw new BadInputException("run." + field + " must be a whole number, got '" + v + "'");
    }
  }

  private static JsonNode tree(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper m =
        name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
    try {
      JsonNode root = m.readTree(file.toFile());
      if (root == null || !root.isObject())
        throw bad(file, "must be a map with name, store, axes and run");
      return root;
    } catch (IOException e) {
      throw new BadInputException(
          file
              + ": not valid "
              + (name.endsWith(".json") ? "JSON" : "YAML")
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static String text(JsonNode n, String field, String dflt) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? dflt : v.asText();
  }

  private static List<String> strings(JsonNode n, Path file, String where) {
    if (!n.isArray()) throw bad(file, where + " must be a list");
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Map<String, String> map(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }

  private static BadInputException bad(Path file, String what) {
    return new BadInputException(file + ": " + what);
  }
}
