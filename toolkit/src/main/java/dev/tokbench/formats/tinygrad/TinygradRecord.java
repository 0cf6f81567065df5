package dev.tokbench.formats.tinygrad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.BadInputException;
import dev.tokbench.ReadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a saved tinygrad log does not print but the run's own record beside it does: {@code
 * NAME.meta.json} (the command line with its environment, {@code --model} and {@code --size}, the
 * exit code, whether it timed out) and the capture's {@code env.txt} (the GPU as {@code nvidia-smi
 * -L} names it, tinygrad's commit and version). Either may be missing; then {@code tokbench import
 * --model --quant --backend --device} says what the log cannot.
 *
 * @param env the variables set for the run that tinygrad reads ({@code DEV=CUDA}), in order
 * @param model the GGUF file given with {@code --model}, or null
 * @param size {@code --size}, or empty
 * @param exitCode the exit code, or null when not recorded
 * @param timedOut true when the record says the run was stopped at its time limit
 * @param device the GPU's name, or empty
 * @param provenance tinygrad's commit and version, where the record came from
 */
public record TinygradRecord(
    Map<String, String> env,
    Path model,
    String size,
    Integer exitCode,
    boolean timedOut,
    String device,
    Map<String, String> provenance) {
  /** tinygrad's backend switches of the {@code NAME=1} form, older than {@code DEV=NAME}. */
  private static final Set<String> BACKENDS =
      Set.of("CUDA", "NV", "AMD", "METAL", "CPU", "GPU", "CL", "CLANG", "LLVM", "QCOM", "WEBGPU");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Nothing recorded. */
  public static final TinygradRecord NONE =
      new TinygradRecord(Map.of(), null, "", null, false, "", Map.of());

  public TinygradRecord {
    env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    provenance = Map.copyOf(provenance);
  }

  /**
   * The record beside {@code log}: {@code NAME.meta.json} and {@code env.txt}, where they exist.
   */
  public static TinygradRecord beside(Path log) {
    String stem = log.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    TinygradRecord r = meta(log.resolveSibling(stem + ".meta.json"));
    return r.withMachine(log.resolveSibling("env.txt"));
  }

  private static TinygradRecord meta(Path file) {
    if (!Files.isRegularFile(file)) return NONE;
    JsonNode o;
    try {
      o = JSON.readTree(ReadLimits.TINYGRAD.read(file));
    } catch (IOException e) {
      throw new BadInputException(file + ": not JSON: " + e.getMessage(), e);
    }
    if (o == null || !o.isObject()) throw new BadInputException(file + ": not a JSON object");
    List<String> cmd = new ArrayList<>();
    o.path("cmd").forEach(a -> cmd.add(a.asText()));
    Map<String, String> env = new LinkedHashMap<>();
    Path model = null;
    String size = "";
    for (int i = 0; i < cmd.size(); i++) {
      String a = cmd.get(i);
      int eq = a.indexOf('=');
      if (eq > 0 && a.substring(0, eq).matches("[A-Z_][A-Z0-9_]*") && !a.startsWith("PYTHON")) {
        env.put(a.substring(0, eq), a.substring(eq + 1));
      }
      if (i + 1 < cmd.size() && a.equals("--model")) model = Path.of(cmd.get(i + 1));
      if (i + 1 < cmd.size() && a.equals("--size")) size = cmd.get(i + 1);
    }
    Integer rc = o.has("rc") && o.get("rc").canConvertToInt() ? o.get("rc").asInt() : null;
    Map<String, String> p = Map.of("run_record", file.getFileName().toString());
    return new TinygradRecord(env, model, size, rc, o.path("timed_out").asBoolean(false), "", p);
  }

  private TinygradRecord withMachine(Path envTxt) {
    if (!Files.isRegularFile(envTxt)) return this;
    List<String> lines = ReadLimits.TINYGRAD.read(envTxt).lines().toList();
    String gpu = "";
    Map<String, String> p = new LinkedHashMap<>(provenance);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (gpu.isEmpty() && l.matches("GPU \\d+: .+")) gpu = l.replaceFirst("GPU \\d+: ", "");
      if (l.equals("== tinygrad") && i + 2 < lines.size()) {
        String commit = lines.get(i + 1).strip();
        String version = lines.get(i + 2).strip();
        if (commit.startsWith("commit ")) p.put("tinygrad_commit", commit.substring(7).strip());
        if (version.startsWith("version")) {
          p.put("tinygrad_version", version.replaceAll("^version\\s*=\\s*\"?|\"$", ""));
        }
      }
    }
    gpu = gpu.replaceFirst("\\s*\\(UUID: [^)]*\\)$", "");
    if (!gpu.isEmpty()) p.put("gpu", gpu);
    p.put("machine_record", envTxt.getFileName().toString());
    return new TinygradRecord(env, model, size, exitCode, timedOut, gpu, p);
  }

  /**
   * The backend the environment chose: {@code DEV=CUDA} gives {@code CUDA} ({@code DEV=CUDA:1}
   * too), the older {@code NV=1} gives {@code NV}; empty when neither is set.
   */
  public String backend() {
    String dev = env.get("DEV");
    if (dev != null && !dev.isBlank()) return dev.replaceFirst(":.*$", "");
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (BACKENDS.contains(e.getKey()) && e.getValue().equals("1")) return e.getKey();
    }
    return "";
  }

  /** The environment as the run set it, {@code DEV=CUDA JITBEAM=2}. */
  public String envText() {
    List<String> parts = new ArrayList<>();
    env.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(" ", parts);
  }
}
