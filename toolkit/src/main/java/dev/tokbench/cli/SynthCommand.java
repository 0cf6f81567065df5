package dev.tokbench.cli;

import dev.tokbench.synth.ModelShape;
import dev.tokbench.synth.Shapes;
import dev.tokbench.synth.Synth;
import dev.tokbench.synth.TensorPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
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
      "  tokbench synth --shape qwen3-0.6b --layers 2 --vocab 32000 --type Q8_0 --out small.gguf",
      "  tokbench synth --shape llama-3.1-70b --type Q4_K_M --plan"
    })
final class SynthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--shape",
      paramLabel = "NAME",
      description = "A catalogue shape, such as llama-3.2-1b (see --list).")
  String shape;

  @Option(names = "--arch", description = "A shape by hand of this architecture: llama or qwen3.")
  String arch;

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

  @Option(names = "--name", description = "The model's general.name (default: the shape's name).")
  String name;

  @Option(names = "--vocab", description = "Tokens in the vocabulary.")
  Integer vocab;

  @Option(names = "--embd", description = "The embedding length (hidden size).")
  Integer embd;

  @Option(names = "--layers", description = "Transformer blocks.")
  Integer layers;

  @Option(names = "--heads", description = "Attention (query) heads.")
  Integer heads;

  @Option(names = "--kv-heads", description = "Key/value heads (grouped-query attention).")
  Integer kvHeads;

  @Option(names = "--head-dim", description = "Elements per head.")
  Integer headDim;

  @Option(names = "--ff", description = "The feed-forward (intermediate) length.")
  Integer ff;

  @Option(names = "--ctx", description = "The context length written to the metadata.")
  Integer ctx;

  @Option(
      names = "--tied",
      arity = "1",
      description = "Whether the output projection reuses the token embeddings: true or false.")
  Boolean tied;

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

  /** The shape asked for: a catalogue shape with every override applied at once, or by hand. */
  private ModelShape shape() {
    if (shape == null && arch == null) {
      throw new ParameterException(
          spec.commandLine(), "give --shape NAME, or --arch with every size option");
    }
    if (shape == null
        && (vocab == null
            || embd == null
            || layers == null
            || heads == null
            || kvHeads == null
            || headDim == null
            || ff == null)) {
      throw new ParameterException(
          spec.commandLine(),
          "a by-hand shape needs --vocab, --embd, --layers, --heads, --kv-heads, --head-dim and --ff");
    }
    boolean qwen = "qwen3".equals(arch);
    ModelShape b = shape != null ? Shapes.named(shape) : null;
    return new ModelShape(
        or(name, b == null ? arch : b.name()),
        or(arch, b == null ? null : b.arch()),
        or(vocab, b == null ? 0 : b.vocab()),
        or(embd, b == null ? 0 : b.embd()),
        or(layers, b == null ? 0 : b.layers()),
        or(heads, b == null ? 0 : b.heads()),
        or(kvHeads, b == null ? 0 : b.kvHeads()),
        or(headDim, b == null ? 0 : b.headDim()),
        or(ff, b == null ? 0 : b.ff()),
        or(ctx, b == null ? 4096 : b.ctx()),
        or(tied, b == null || b.tiedEmbeddings()),
        b == null ? (qwen ? 1_000_000f : 10_000f) : b.ropeTheta(),
        b == null ? (qwen ? 1e-6f : 1e-5f) : b.rmsEps());
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
