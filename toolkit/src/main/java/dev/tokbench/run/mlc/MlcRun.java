package dev.tokbench.run.mlc;

import dev.tokbench.formats.mlc.MlcOutput;
import dev.tokbench.process.Executables;
import dev.tokbench.process.ProcessSpec;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.RunIdentity;
import dev.tokbench.run.Availability;
import dev.tokbench.run.FrameworkRun;
import dev.tokbench.run.OutputFileRun;
import dev.tokbench.run.RunResult;
import dev.tokbench.run.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
public final class MlcRun extends FrameworkRun<MlcOptions, MlcRun> {

  private MlcRun(MlcOptions options, RunSettings settings) {
    super(options, settings);
  }

  @Override
  protected MlcRun copy(MlcOptions o, RunSettings s) {
    return new MlcRun(o, s);
  }

  /** A run with these options. */
  public static MlcRun of(MlcOptions options) {
    return new MlcRun(options, RunSettings.NONE);
  }

  /** The interpreter that has {@code mlc_llm}: a path, or a name looked up in the run's PATH. */
  public MlcRun python(String programOrPath) {
    return with(MlcOptions::python, programOrPath);
  }

  /** The model's name in rows; by default the model folder's name. */
  public MlcRun model(String name) {
    return with(MlcOptions::name, name);
  }

  /** Requests ({@code --num-requests}). */
  public MlcRun requests(int n) {
    return with(MlcOptions::numRequests, n);
  }

  /** Prompt tokens per request. */
  public MlcRun inputLen(int tokens) {
    return with(MlcOptions::inputLen, tokens);
  }

  /** Generated tokens per request. */
  public MlcRun outputLen(int tokens) {
    return with(MlcOptions::outputLen, tokens);
  }

  /** Where the bench writes its CSV; by default a new temporary file. */
  public MlcRun output(Path csv) {
    return with(MlcOptions::output, csv);
  }

  /**
   * What would be launched, writing to {@code csv}; more {@code mlc_llm.bench} arguments come last
   * (a later {@code --port} overrides 8000).
   */
  public ProcessSpec spec(Path csv) {
    MlcOptions o = options();
    String py = Executables.resolve(o.python(), settings().env());
    List<String> cmd =
        new ArrayList<>(
            MlcLlm.benchCommand(
                py, o.modelDir(), o.modelLib(), o.numRequests(), o.inputLen(), o.outputLen(), csv));
    cmd.addAll(settings().args());
    Duration timeout = settings().timeoutOr(ProcessSpec.DEFAULT_TIMEOUT);
    return new ProcessSpec(cmd, settings().env(), null, timeout, settings().log());
  }

  /**
   * Checks, runs and reads: one row per pipeline, or one row saying why there is none; each also
   * handed to {@code sink}.
   */
  @Override
  public RunResult run(Consumer<BenchResult> sink) {
    Path csv =
        options().output() != null ? options().output() : OutputFileRun.temporary("mlc", ".csv");
    ProcessSpec spec = spec(csv);
    Availability tool =
        Availability.ofPythonModule("mlc-llm", spec.command().get(0), "mlc_llm", spec.env());
    MlcOptions o = options();
    Map<String, String> flags =
        OutputFileRun.flags(
            spec.env(),
            "num_requests",
            o.numRequests(),
            "input_len",
            o.inputLen(),
            "output_len",
            o.outputLen());
    String model = o.modelName();
    RunIdentity id = RunIdentity.of("mlc-llm", model).test("serve", 0, 0).flags(flags);
    RunResult r =
        OutputFileRun.run(
            id,
            tool,
            spec,
            csv,
            file -> MlcOutput.read(file, model),
            settings().machineOrDescribe());
    r.rows().forEach(sink);
    return r;
  }

  @Override
  public String toString() {
    return "mlc_llm.bench " + options().modelName();
  }
}
