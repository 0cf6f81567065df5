package dev.tokbench.run.mlc;

import dev.tokbench.device.Machine;
import dev.tokbench.formats.mlc.MlcOutput;
import dev.tokbench.process.Executables;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.RunIdentity;
import dev.tokbench.run.Availability;
import dev.tokbench.run.OutputFileRun;
import dev.tokbench.run.RunResult;
import dev.tokbench.run.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One launch of MLC LLM's benchmark, {@code python -m mlc_llm.bench} (MLC has no {@code mlc_llm
 * bench} subcommand: its {@code __main__.py} offers compile, convert_weight, gen_config, chat,
 * serve, package and calibrate). With {@code --mlc-model-lib} the bench starts its own server on
 * the given port. {@code python -c 'import mlc_llm'} is checked first; a failure is a {@code
 * not-installed} row that quotes it. Made by {@link MlcLlm#bench}.
 *
 * <pre>{@code
 * MlcLlm.bench(Path.of("dist/Llama-3.2-1B-Instruct-q4f16_1-MLC"), Path.of("dist/libs/llama-cuda.so"))
 *     .inputLen(512).outputLen(128).requests(16).run();
 * }</pre>
 */
public final class MlcRun implements RunSettings<MlcRun> {
  private final Path modelDir;
  private final Path modelLib;
  private String python = "python3";
  private String model;
  private int requests = 16;
  private int inputLen = 128;
  private int outputLen = 256;
  private final List<String> extraArgs = new ArrayList<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private Duration timeout = ProcessSpec.DEFAULT_TIMEOUT;
  private Path output;
  private Path log;
  private Map<String, String> machine;

  MlcRun(Path modelDir, Path modelLib) {
    this.modelDir = modelDir;
    this.modelLib = modelLib;
    this.model = modelDir.getFileName().toString();
  }

  /** The interpreter that has {@code mlc_llm}: a path, or a name looked up in the run's PATH. */
  public MlcRun python(String programOrPath) {
    python = programOrPath;
    return this;
  }

  /** The model's name in rows; by default the model folder's name. */
  public MlcRun model(String name) {
    model = name;
    return this;
  }

  public MlcRun requests(int n) {
    requests = n;
    return this;
  }

  public MlcRun inputLen(int tokens) {
    inputLen = tokens;
    return this;
  }

  public MlcRun outputLen(int tokens) {
    outputLen = tokens;
    return this;
  }

  /** More {@code mlc_llm.bench} arguments (a later {@code --port} overrides 8000). */
  public MlcRun arg(String... args) {
    extraArgs.addAll(List.of(args));
    return this;
  }

  public MlcRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public MlcRun timeout(Duration t) {
    timeout = t;
    return this;
  }

  /** Where the bench writes its CSV; by default a new temporary file. */
  public MlcRun output(Path csv) {
    output = csv;
    return this;
  }

  public MlcRun log(Path file) {
    log = file;
    return this;
  }

  public MlcRun machine(Map<String, String> description) {
    machine = Map.copyOf(description);
    return this;
  }

  /** What would be launched, writing to {@code csv}. */
  public ProcessSpec spec(Path csv) {
    String py = Executables.resolve(python, env);
    List<String> cmd =
        new ArrayList<>(
            MlcLlm.benchCommand(py, modelDir, modelLib, requests, inputLen, outputLen, csv));
    cmd.addAll(extraArgs);
    return new ProcessSpec(cmd, env, null, timeout, log);
  }

  /** Checks, runs and reads: one row per pipeline, or one row saying why there is none. */
  public RunResult run() {
    Path csv = output != null ? output : OutputFileRun.temporary("mlc", ".csv");
    ProcessSpec spec = spec(csv);
    Availability tool =
        Availability.ofPythonModule("mlc-llm", spec.command().get(0), "mlc_llm", env);
    Map<String, String> flags =
        OutputFileRun.flags(
            env, "num_requests", requests, "input_len", inputLen, "output_len", outputLen);
    RunIdentity id = new RunIdentity("mlc-llm", "", model, "serve", 0, 0, flags);
    return OutputFileRun.run(
        id,
        tool,
        spec,
        csv,
        file -> MlcOutput.read(file, model),
        machine != null ? machine : Machine.describe());
  }

  @Override
  public String toString() {
    return "mlc_llm.bench " + model;
  }
}
