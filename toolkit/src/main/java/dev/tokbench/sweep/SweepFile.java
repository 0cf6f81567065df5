package dev.tokbench.sweep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.tokbench.JsonFiles;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A sweep declared in YAML or JSON. {@code ${axis}} in {@code args}, {@code env} and every text
 * value of the framework's keys is replaced by the point's value; {@code store} is relative to the
 * file's folder. A key tokbench does not know is an error that names it, its line and the key it
 * was probably meant to be.
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
 *   timeout_s: 1800               # default: the framework's (1 h; tinygrad 30 min)
 *   # tinygrad: checkout, model, backend, size, python, warmup_tokens, beam, jitbeam
 *   # vllm: model, bench (latency or throughput), binary, input_len, output_len, batch_size,
 *   #   num_iters, num_prompts, output_json
 *   # mlc: model_dir, model_lib, python, name, input_len, output_len, num_requests, output
 * </pre>
 */
public final class SweepFile {
  private static final Set<String> KEYS = Set.of("name", "store", "axes", "run");

  private SweepFile() {}

  /**
   * The sweep a YAML ({@code .yaml}/{@code .yml}) or JSON file declares. Limits ({@link
   * ReadLimits#SWEEP}): 1 MiB, 32 levels of nesting, 64 KiB a string or line, 100,000 points; a
   * YAML alias ({@code *name}) is refused, as Jackson would read it as the text {@code name}.
   */
  public static Sweep read(Path file) {
    String text = ReadLimits.SWEEP.read(file);
    ObjectMapper mapper = mapper(file);
    JsonNode root = tree(file, text, mapper);
    RunBlock.Where where = new RunBlock.Where(file, mapper, KeyLines.of(file, text, mapper));
    where.rejectUnknownKeys(root, "", KEYS, "a sweep has name, store, axes and run");
    Sweep sweep = Sweep.named(text(root, "name", file.getFileName().toString()));
    JsonNode axes = root.path("axes");
    if (!axes.isObject() || axes.isEmpty())
      throw where.bad("/axes", "needs 'axes', a map of axis name to a list of values");
    long points = 1;
    for (Iterator<Map.Entry<String, JsonNode>> it = axes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = strings(e.getValue(), where, "axes." + e.getKey());
      points = Math.min(Long.MAX_VALUE / 2, points * values.size());
      if (points > ReadLimits.SWEEP.maxItems()) {
        throw ReadLimits.SWEEP.tooMany(
            file.toString(), where.lines().line("/axes"), "points", points);
      }
      sweep = sweep.axis(e.getKey(), values);
    }
    String store = text(root, "store", "");
    if (store.isEmpty()) throw where.bad("", "needs 'store', the results file (.jsonl or .csv)");
    Path base = file.toAbsolutePath().getParent();
    RunBlock run = new RunBlock(root.path("run"), where);
    run.check(sweep.points(), new java.util.LinkedHashSet<>(sweep.axisNames()));
    return sweep.store(base.resolve(store)).runner(run.runner()).definition(run::definition);
  }

  /**
   * YAML or JSON by the file's name; snake_case keys for the options records' components; paths as
   * the text written, neither made absolute nor read as URIs.
   */
  private static ObjectMapper mapper(Path file) {
    boolean json = isJson(file);
    ObjectMapper m =
        json
            ? new ObjectMapper(JsonInput.mapper(ReadLimits.SWEEP).getFactory())
            : new ObjectMapper(JsonInput.yaml(ReadLimits.SWEEP));
    m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    SimpleModule paths = new SimpleModule();
    paths.addSerializer(Path.class, ToStringSerializer.instance);
    paths.addDeserializer(
        Path.class,
        new StdScalarDeserializer<Path>(Path.class) {
          @Override
          public Path deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return Path.of(p.getValueAsString());
          }
        });
    return m.registerModule(paths).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  }

  private static JsonNode tree(Path file, String text, ObjectMapper mapper) {
    return JsonFiles.object(
        text,
        file.toString(),
        mapper,
        ReadLimits.SWEEP,
        isJson(file) ? "valid JSON" : "valid YAML",
        "must be a map with name, store, axes and run");
  }

  private static boolean isJson(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static String text(JsonNode n, String field, String dflt) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? dflt : v.asText();
  }

  private static List<String> strings(JsonNode n, RunBlock.Where where, String key) {
    if (!n.isArray() || n.isEmpty()) {
      throw where.bad("/" + key.replace('.', '/'), key + " must be a list of at least one value");
    }
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }
}
