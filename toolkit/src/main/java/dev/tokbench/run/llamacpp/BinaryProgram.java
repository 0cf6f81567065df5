package dev.tokbench.run.llamacpp;

import dev.tokbench.formats.llamabench.LlamaBenchLines;
import dev.tokbench.results.BenchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A llama-bench binary, launched with {@code -o jsonl}: every stdout line is a finished test.
 *
 * @param binary the llama-bench to launch
 */
record BinaryProgram(Path binary) implements BenchProgram {
  @Override
  public String name() {
    return "llama-bench";
  }

  @Override
  public String framework() {
    return "llama.cpp";
  }

  @Override
  public List<String> matrixArgs(List<String> args) {
    return List.copyOf(args);
  }

  @Override
  public boolean progressAddable(List<String> args, Map<String, String> env) {
    return LlamaBenchProgress.addable(binary, args, env);
  }

  @Override
  public List<String> command(List<String> args, boolean progress) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.addAll(args);
    if (progress) cmd.add("--progress"); // stamps each repetition's start for its energy
    cmd.addAll(List.of("-o", "jsonl"));
    return cmd;
  }

  @Override
  public Output output() {
    LlamaBenchLines lines = new LlamaBenchLines("llama-bench stdout");
    return lines::row;
  }

  @Override
  public BenchResult failedTest(MatrixPoint p, BenchResult named) {
    return named;
  }
}
