package dev.tokbench.gguf;

import java.nio.file.Path;

/**
 * Reads GGUF files: {@code Gguf.read(path).summary()}. Only the header, metadata and tensor infos
 * are read, through a memory map, so an 8B or 70B model costs the same as a 1B one.
 */
public final class Gguf {
  private Gguf() {}

  /**
   * Parses one GGUF file.
   *
   * @throws GgufFormatException if the file is not valid GGUF; the message names the byte offset
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static GgufFile read(Path path) {
    return GgufReader.read(path);
  }

  /**
   * Reads a model: the file, and when it is one shard of a split model ({@code
   * name-00002-of-00004.gguf}), every other shard beside it, so the set is summarised as one model.
   */
  public static GgufModel readModel(Path path) {
    return GgufModel.read(path);
  }

  /** Parses one GGUF file given by name. */
  public static GgufFile read(String path) {
    return read(Path.of(path));
  }
}
