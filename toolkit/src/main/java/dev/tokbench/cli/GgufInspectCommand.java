package dev.tokbench.cli;

import dev.tokbench.BadInputException;
import dev.tokbench.gguf.Gguf;
import dev.tokbench.gguf.GgufModel;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tokbench gguf inspect}: what a GGUF model is, without reading its weights. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show a GGUF model: architecture, quantization (general.file_type as llama.cpp names it),"
          + " parameters and tensor bytes (llama-bench's model_n_params and model_size), shape,"
          + " vocabulary, KV-cache bytes per token, a per-type breakdown and the metadata.",
      "Only the header is read, so a 70B model takes as long as a 1B one. The shards of a split"
          + " model (name-00001-of-00003.gguf) are inspected as one model.",
      "",
      "Exit status 0 when every file parsed; with --verify or --check-tensors, 1 when a file has"
          + " a problem (as sha256sum -c does); 2 when a file could not be parsed (the message"
          + " names the file and the byte offset)."
    },
    footer = {
      "",
      "Examples:",
      "  tokbench gguf inspect model.gguf",
      "  tokbench gguf inspect --json models/*.gguf | jq .tensor_bytes",
      "  tokbench gguf inspect --verify partial-download.gguf",
      "  tokbench gguf inspect --check-tensors model.gguf"
    })
final class GgufInspectCommand implements Callable<Integer> {
  /** The exit status when {@code --verify} or {@code --check-tensors} found a problem. */
  static final int PROBLEMS = 1;

  @CommandLine.ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(
        names = "--json",
        description = "One JSON object per model per line (keys: file, version, n_params, ...).")
    boolean json;

    @Option(names = "--markdown", description = "Markdown tables instead of plain text.")
    boolean markdown;
  }

  @Option(names = "--tensors", description = "Also list every tensor (JSON: a \"tensors\" array).")
  boolean tensors;

  @Option(
      names = "--verify",
      description =
          "Check integrity and show the result even when it passes: tensor offsets aligned, in"
              + " bounds, not overlapping, the file long enough (a truncated download says how"
              + " many bytes are missing). Problems are always reported, and in JSON always under"
              + " \"problems\"; with this option they make the exit status 1.")
  boolean verify;

  @Option(
      names = "--check-tensors",
      description =
          "Also read all tensor data and report NaN or infinite values and block scales, as"
              + " llama.cpp's --check-tensors does (ggml_validate_row_data). Implies --verify.")
  boolean checkTensors;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The GGUF files.")
  List<Path> files;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int status = 0;
    Set<Path> seen = new HashSet<>();
    for (Path file : files) {
      try {
        GgufModel model = Gguf.readModel(file);
        if (!seen.add(model.first().path().toAbsolutePath().normalize())) continue;
        List<String> problems = problems(model);
        out.print(render(model, problems));
        out.flush();
        if (!problems.isEmpty() && (verify || checkTensors) && status == 0) status = PROBLEMS;
      } catch (BadInputException | UncheckedIOException e) {
        err.println("tokbench: " + e.getMessage());
        err.flush();
        status = Main.BAD_INPUT;
      }
    }
    return status;
  }

  private List<String> problems(GgufModel model) {
    List<String> problems = new java.util.ArrayList<>(model.verify());
    if (checkTensors) problems.addAll(model.checkTensors());
    return problems;
  }

  private String render(GgufModel model, List<String> problems) {
    if (format.json) return GgufJson.line(model, problems, tensors) + "\n";
    return GgufText.render(model, problems, tensors, verify || checkTensors, format.markdown);
  }
}
