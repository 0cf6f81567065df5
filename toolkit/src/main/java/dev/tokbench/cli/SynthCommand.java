package dev.tokbench.cli;

import dev.tokbench.synth.ModelShape;
import dev.tokbench.synth.Shapes;
import dev.tokbench.synth.Synth;
import dev.tokbench.synth.TensorPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tokbench synth}: writes a synthetic GGUF model of a real shape. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic GGUF model: a real architecture's shapes and llama-quantize's tensor types,"
          + " seeded pseudo-random weights, a synthetic SentencePiece-style vocabulary.",
      "A catalogue shape (--shape) takes any of the size options as an override; a shape by hand"
          + " (--arch) needs --vocab, --embd, --layers, --heads, --kv-heads, --head-dim and --ff."
    },
    footer = {
      "",
      "Examples:",
      "  tokbench synth --shape llama-3.2-1b --type Q4_K_M --out model.gguf",
      "  tokbench synth --shape qwen3-0.6b --layers 2 --vocab 32000 --type Q8_0 \\",
      "      --out small.gguf",
      "  tokbench synth --shape llama-3.1-70b --type Q4_K_M --plan"
    })
final class SynthCommand implements Callable<Integer>, RecordOptions.Holder {
  @Spec CommandSpec spec;

  @Option(
      names = "--shape",
      paramLabel = "NAME",
      description = "A catalogue shape, such as llama-3.2-1b (see --list).")
  String shape;

  @Option(
      names = "--type",
      defaultValue = "Q4_K_M",
      description =
          "The file type: F32, F16, BF16, Q8_0, Q4_0, Q4_K_S, Q4_K_M, Q5_K_S, Q5_K_M or Q6_K"
              + " (default: ${DEFAULT-VALUE}).")
  String type;

  @Option(names = "--out", paramLabel = "FILE", description = "The GGUF file to write.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "The seed of the pseudo-random weights (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--list", description = "List the catalogue shapes and exit.")
  boolean list;

  @Option(
      names = "--plan",
      description = "Print every tensor with its type and size, and write nothing.")
  boolean plan;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    if (list) {
      Shapes.all().values().forEach(w::println);
      return 0;
    }
    Synth s = Synth.of(shape()).type(type).seed(seed);
    if (plan) {
      TensorPlan p = s.plan();
      p.tensors().forEach(t -> w.println(t + " " + t.bytes() + " bytes"));
      w.println(p);
      return 0;
    }
    if (out == null) throw new ParameterException(spec.commandLine(), "--out FILE is required");
    w.println(s.write(out));
    return 0;
  }

  /** The shape's options (--name, --arch, --vocab … --tied): ModelShape's components. */
  private RecordOptions<ModelShape> sizes;

  @Override
  public void addOptions(CommandSpec command) {
    sizes = RecordOptions.addTo(command, Shapes.named("llama-3.2-1b"), false);
  }

  /** The sizes a shape by hand cannot do without. */
  private static final List<String> BY_HAND =
      List.of("vocab", "embd", "layers", "heads", "kvHeads", "headDim", "ff");

  /** The shape asked for: a catalogue shape with every override applied at once, or by hand. */
  private ModelShape shape() {
    String arch = (String) sizes.givenValue("arch");
    if (shape == null && arch == null) {
      throw new ParameterException(
          spec.commandLine(), "give --shape NAME, or --arch with every size option");
    }
    if (shape != null) return sizes.over(Shapes.named(shape));
    if (!sizes.given().containsAll(BY_HAND)) {
      throw new ParameterException(
          spec.commandLine(),
          "a by-hand shape needs --vocab, --embd, --layers, --heads, --kv-heads, --head-dim and --ff");
    }
    boolean qwen = "qwen3".equals(arch);
    // every size is given: the placeholders only make a valid shape to lay them over
    ModelShape byHand =
        new ModelShape(
            arch,
            arch,
            259,
            1,
            1,
            1,
            1,
            1,
            1,
            4096,
            true,
            qwen ? 1_000_000f : 10_000f,
            qwen ? 1e-6f : 1e-5f);
    return sizes.over(byHand);
  }
}
