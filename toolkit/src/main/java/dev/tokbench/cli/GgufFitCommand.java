package dev.tokbench.cli;

import dev.tokbench.memory.CacheType;
import dev.tokbench.memory.Memory;
import dev.tokbench.memory.MemoryOptions;
import dev.tokbench.memory.MemoryPlan;
import dev.tokbench.memory.MemoryPlanText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tokbench gguf fit}: the memory llama.cpp needs for a model, per device, and whether it
 * fits.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Will it fit? Show the memory llama.cpp needs for a model, per device.",
      "The memory is that of one CUDA GPU, or of the host alone with --cpu-only: weights, KV cache,"
          + " compute and output buffers per device (GPU first, host last), derived from the graph"
          + " llama.cpp builds. It says whether the model fits a device with a margin, and the"
          + " largest context and the largest -ngl that fit.",
      "Only the GGUF header is read; --shape with --type needs no file at all. Checked against"
          + " llama.cpp's own breakdown: docs/memory.md."
    },
    footer = {
      "",
      "Examples:",
      "  tokbench gguf fit model.gguf --ctx 32768 --ctk q8_0 --ctv q8_0 \\",
      "      --device \"RTX 4090\"",
      "  tokbench gguf fit --shape llama-3.1-70b --type Q4_K_M --memory 64GiB --json",
      "  tokbench gguf fit --shape llama-3.1-8b --type Q4_K_M --ngl 20 --ctx 8192"
    })
final class GgufFitCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "A GGUF file (or its first shard).")
  Path file;

  @Option(
      names = "--shape",
      paramLabel = "NAME",
      description = "A synth catalogue shape instead of a file, e.g. llama-3.1-70b.")
  String shape;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      defaultValue = "Q4_K_M",
      description = "With --shape: the quantization (default: ${DEFAULT-VALUE}).")
  String type;

  @Option(
      names = {"-c", "--ctx"},
      paramLabel = "N",
      defaultValue = "0",
      description = "Context length (default: the model's).")
  int ctx;

  @Option(
      names = {"-ctk", "--ctk"},
      paramLabel = "TYPE",
      defaultValue = "f16",
      description =
          "K cache type: f32, f16, bf16, q8_0, q4_0, q4_1, iq4_nl, q5_0, q5_1 (default:"
              + " ${DEFAULT-VALUE}).")
  String ctk;

  @Option(
      names = {"-ctv", "--ctv"},
      paramLabel = "TYPE",
      defaultValue = "f16",
      description = "V cache type (default: ${DEFAULT-VALUE}).")
  String ctv;

  @Option(
      names = {"-fa", "--fa"},
      paramLabel = "on|off",
      defaultValue = "on",
      description =
          "Flash attention, on or off (default: ${DEFAULT-VALUE}, what llama.cpp's auto picks on"
              + " a GPU).")
  String fa;

  @Option(
      names = {"-np", "--parallel"},
      paramLabel = "N",
      defaultValue = "1",
      description = "Parallel sequences (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(
      names = {"-b", "--batch"},
      paramLabel = "N",
      defaultValue = "2048",
      description = "Logical batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = {"-ub", "--ubatch"},
      paramLabel = "N",
      defaultValue = "512",
      description = "Physical batch (default: ${DEFAULT-VALUE}).")
  int ubatch;

  @Option(
      names = {"-ngl", "--ngl"},
      paramLabel = "N",
      defaultValue = "-1",
      description =
          "Layers on the GPU, the output layer counting as one, as llama.cpp (default: all).")
  int ngl;

  @Option(names = "--kv-unified", description = "One KV stream for all sequences (-kvu).")
  boolean kvUnified;

  @Option(
      names = "--device",
      paramLabel = "NAME",
      description = "A device of the catalogue (tokbench device list), for its memory.")
  String device;

  @Option(
      names = "--memory",
      paramLabel = "SIZE",
      description = "The GPU's memory instead, e.g. 24GiB, 80GB.")
  String memory;

  @Option(
      names = "--margin",
      paramLabel = "SIZE",
      defaultValue = "1GiB",
      description =
          "The memory to leave free, as llama.cpp's --fit does (default: ${DEFAULT-VALUE}).")
  String margin;

  @Option(names = "--cpu-only", description = "No GPU: a CPU-only llama.cpp build.")
  boolean cpuOnly;

  @Option(
      names = "--allow-long-context",
      description = "Allow --ctx beyond the model's trained context.")
  boolean allowLongContext;

  @Option(
      names = "--json",
      description = "One JSON object: devices, buffers, fits, max_context, max_ngl.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    MemoryPlan plan = memory().plan();
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? FitJson.object(plan) + "\n" : MemoryPlanText.render(plan));
    out.flush();
    return 0;
  }

  private Memory memory() {
    Memory m = model().options(options());
    if (allowLongContext) m = m.allowLongContext();
    refuse(device != null && memory != null, "give --device or --memory, not both");
    refuse(cpuOnly && (device != null || memory != null), "--cpu-only has no GPU memory");
    if (device != null) m = m.device(device);
    if (memory != null) m = m.memory(memory);
    if (cpuOnly) m = m.cpuOnly();
    return m.margin(margin);
  }

  private Memory model() {
    refuse(file != null && shape != null, "give a GGUF FILE or --shape, not both");
    refuse(file == null && shape == null, "give a GGUF FILE or --shape NAME --type TYPE");
    return file != null ? Memory.of(file) : Memory.shape(shape, type);
  }

  private MemoryOptions options() {
    refuse(!fa.equals("on") && !fa.equals("off"), "--fa is on or off, not '" + fa + "'");
    return MemoryOptions.defaults()
        .withContext(ctx)
        .withCacheTypes(CacheType.parse(ctk), CacheType.parse(ctv))
        .withFlashAttention(fa.equals("on"))
        .withParallel(parallel)
        .withBatch(batch, ubatch)
        .withGpuLayers(ngl)
        .withKvUnified(kvUnified);
  }

  /** A usage error (picocli prints it with the usage, exit 2) when {@code bad}. */
  private void refuse(boolean bad, String message) {
    if (bad) throw new ParameterException(spec.commandLine(), message);
  }
}
