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
      "Example: tokbench synth --shape llama-3.2-1b --type Q4_K_M --out model.gguf"
    })
final class SynthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--shape", description = "catalogue shape, e.g. llama-3.2-1b (see --list)")
  String shape;

  @Option(names = "--arch", description = "by-hand shape: llama or qwen3 (with every size option)")
  String arch;

  @Option(
      names = "--type",
      defaultValue = "Q4_K_M",
      description =
          "F32, F16, BF16, Q8_0, Q4_0, Q4_K_S, Q4_K_M, Q5_K_S, Q5_K_M, Q6_K (default: ${DEFAULT-VALUE})")
  String type;

  @Option(names = "--out", description = "the GGUF file to write")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "weight seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--name", description = "general.name (default: the shape's name)")
  String name;

  @Option(names = "--vocab")
  Integer vocab;

  @Option(names = "--embd")
  Integer embd;

  @Option(names = "--layers")
  Integer layers;

  @Option(names = "--heads")
  Integer heads;

  @Option(names = "--kv-heads")
  Integer kvHeads;

  @Option(names = "--head-dim")
  Integer headDim;

  @Option(names = "--ff")
  Integer ff;

  @Option(names = "--ctx")
  Integer ctx;

  @Option(names = "--tied", arity = "1", description = "tied embeddings: true or false")
  Boolean tied;

  @Option(names = "--list", description = "list the catalogue shapes and exit")
  boolean list;

  @Option(
      names = "--plan",
      description = "print every tensor with its type and size; write nothing")
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
