package dev.tokbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tokbench gguf}: GGUF model files. */
@Command(
    name = "gguf",
    mixinStandardHelpOptions = true,
    description = "Read GGUF model files (llama.cpp's format) without loading their weights.",
    footer = {
      "",
      "Examples:",
      "  tokbench gguf inspect model.gguf",
      "  tokbench gguf inspect --json --verify models/*.gguf",
      "  tokbench gguf inspect --markdown --tensors model-00001-of-00003.gguf",
      "  tokbench gguf fit model.gguf --ctx 32768 --device \"RTX 4090\""
    },
    subcommands = {GgufInspectCommand.class, GgufFitCommand.class, CommandLine.HelpCommand.class})
final class GgufCommand extends GroupCommand {}
