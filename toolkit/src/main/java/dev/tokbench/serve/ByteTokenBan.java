package dev.tokbench.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.BadInputException;
import dev.tokbench.gguf.Gguf;
import dev.tokbench.gguf.GgufArray;
import dev.tokbench.gguf.GgufFormatException;
import dev.tokbench.gguf.GgufMetadata;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code logit_bias} that keeps a model's output valid UTF-8: it bans the vocabulary's byte
 * tokens {@code <0x80>}…{@code <0xFF>}, the ones that are not a character on their own.
 * llama-server (2026-08) ends a streamed request whose text is not valid UTF-8 ("does not match the
 * expected Content-only format"), and a model with random or synthetic weights ({@code tokbench
 * synth}) picks such lone bytes all the time. A real model that spells a rare character in bytes
 * loses that spelling, so this is an option, not the default.
 *
 * @param gguf the model file the vocabulary was read from
 * @param ids the banned token ids, ascending
 */
record ByteTokenBan(Path gguf, List<Integer> ids) {
  /** llama.cpp's {@code LLAMA_TOKEN_TYPE_BYTE} in {@code tokenizer.ggml.token_type}. */
  private static final long BYTE = 6;

  ByteTokenBan {
    ids = List.copyOf(ids);
  }

  /**
   * The byte tokens 0x80-0xFF of the vocabulary in {@code gguf}: tokens named {@code <0xHH>} that
   * the file types as bytes (or every such name when it gives no types).
   *
   * @throws BadInputException when the file cannot be read as GGUF or has no vocabulary
   */
  static ByteTokenBan of(Path gguf) {
    GgufMetadata m;
    try {
      m = Gguf.read(gguf).metadata();
    } catch (GgufFormatException | UncheckedIOException e) {
      throw new BadInputException(
          "--ban-byte-tokens cannot read the model's vocabulary from "
              + gguf
              + ": "
              + e.getMessage());
    }
    List<String> tokens =
        m.array("tokenizer.ggml.tokens")
            .map(GgufArray::strings)
            .orElseThrow(
                () ->
                    new BadInputException(gguf + " has no tokenizer.ggml.tokens to ban bytes of"));
    Optional<List<Long>> types = m.array("tokenizer.ggml.token_type").map(GgufArray::longs);
    List<Integer> ids = new ArrayList<>();
    for (int id = 0; id < tokens.size(); id++) {
      if (!tokens.get(id).matches("<0x[89A-Fa-f][0-9A-Fa-f]>")) continue;
      int i = id;
      if (types.map(t -> i < t.size() && t.get(i) == BYTE).orElse(true)) ids.add(id);
    }
    return new ByteTokenBan(gguf, ids);
  }

  /**
   * The ban for the model a llama-server names in its {@code /props} {@code model_path}: a file
   * this machine must be able to read.
   */
  static ByteTokenBan forServer(ServerKind kind, String modelPath) {
    if (kind != ServerKind.LLAMA_SERVER)
      throw new BadInputException(
          "--ban-byte-tokens reads the vocabulary of llama-server's GGUF (its /props model_path);"
              + " the server is "
              + kind);
    if (modelPath == null || modelPath.isEmpty())
      throw new BadInputException(
          "--ban-byte-tokens needs the model file, and llama-server's /props named none");
    Path gguf = Path.of(modelPath);
    if (!Files.isReadable(gguf))
      throw new BadInputException(
          "--ban-byte-tokens needs the model file llama-server names, "
              + modelPath
              + ", and it cannot be read here (a server on another machine?)");
    return of(gguf);
  }

  /** {@code extraBody} with {@code "logit_bias": [[id, false], ...]} added. */
  ObjectNode appliedTo(ObjectNode extraBody) {
    if (extraBody.has("logit_bias"))
      throw new BadInputException(
          "--ban-byte-tokens sets logit_bias, and --extra-body sets it too: give one of them");
    ObjectNode out = extraBody.deepCopy();
    ArrayNode bias = out.putArray("logit_bias");
    ids.forEach(id -> bias.addArray().add(id).add(false)); // false: never sampled (llama-server)
    return out;
  }

  /** For the run line: {@code 128 byte tokens <0x80>..<0xFF> (ids 131 to 258) of s.gguf}. */
  String describe() {
    if (ids.isEmpty())
      return "none: the vocabulary of " + gguf + " has no byte tokens <0x80>..<0xFF>";
    return ids.size()
        + " byte tokens <0x80>..<0xFF> (ids "
        + ids.get(0)
        + " to "
        + ids.get(ids.size() - 1)
        + ") of "
        + gguf;
  }
}
