package dev.tokbench.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns ZeroMQ multipart frames into {@link Message}s and back. The wire format is {@code
 * [identities..., "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers...]}.
 * Messages whose signature does not verify are dropped, never parsed.
 */
final class WireCodec {
  static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

  private final MessageSigner signer;

  WireCodec(MessageSigner signer) {
    this.signer = signer;
  }

  /**
   * The message in {@code frames}, or empty when it is malformed or not signed with our key; the
   * reason goes to {@code rejected}.
   */
  Optional<Message> decode(List<byte[]> frames, java.util.function.Consumer<String> rejected) {
    int delimiter = indexOfDelimiter(frames);
    if (delimiter < 0 || frames.size() < delimiter + 6) {
      rejected.accept("malformed message with " + frames.size() + " frames");
      return Optional.empty();
    }
    List<byte[]> signed = frames.subList(delimiter + 2, delimiter + 6);
    if (!signer.verifies(frames.get(delimiter + 1), signed)) {
      rejected.accept("message with a bad or missing signature");
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Message(
              frames.subList(0, delimiter),
              object(signed.get(0)),
              object(signed.get(1)),
              object(signed.get(2)),
              object(signed.get(3)),
              frames.subList(delimiter + 6, frames.size())));
    } catch (JsonParseException | IllegalStateException e) {
      rejected.accept("signed message with invalid JSON: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The frames that carry {@code message}, signed. */
  List<byte[]> encode(Message message) {
    List<byte[]> signed =
        List.of(
            bytes(message.header()),
            bytes(message.parentHeader()),
            bytes(message.metadata()),
            bytes(message.content()));
    List<byte[]> frames = new ArrayList<>(message.identities());
    frames.add(DELIMITER);
    frames.add(signer.sign(signed).getBytes(StandardCharsets.US_ASCII));
    frames.addAll(signed);
    frames.addAll(message.buffers());
    return frames;
  }

  private static int indexOfDelimiter(List<byte[]> frames) {
    for (int i = 0; i < frames.size(); i++) {
      if (Arrays.equals(DELIMITER, frames.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static JsonObject object(byte[] json) {
    JsonElement element = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
    return element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
  }

  private static byte[] bytes(JsonObject json) {
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }
}
