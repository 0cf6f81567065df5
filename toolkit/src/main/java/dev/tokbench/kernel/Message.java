package dev.tokbench.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One Jupyter message: the ZeroMQ routing identities, the four JSON parts and any binary buffers.
 *
 * @see <a href="https://jupyter-client.readthedocs.io/en/stable/messaging.html">messaging spec</a>
 */
record Message(
    List<byte[]> identities,
    JsonObject header,
    JsonObject parentHeader,
    JsonObject metadata,
    JsonObject content,
    List<byte[]> buffers) {
  /** The protocol version this kernel speaks. */
  static final String PROTOCOL_VERSION = "5.3";

  Message {
    identities = List.copyOf(identities);
    buffers = List.copyOf(buffers);
  }

  /** The header's {@code msg_type}, e.g. {@code execute_request}. */
  String type() {
    JsonElement type = header.get("msg_type");
    return type != null && type.isJsonPrimitive() ? type.getAsString() : "";
  }

  /**
   * A new message of {@code type} answering this one: same identities (so the router delivers it to
   * the asker), this header as parent.
   */
  Message reply(String type, String session, JsonObject content) {
    return new Message(
        identities, header(type, session), header, new JsonObject(), content, List.of());
  }

  /** A message published on IOPub for this request (no routing identities needed). */
  Message broadcast(String type, String session, JsonObject content) {
    return new Message(
        List.of(
            ("kernel." + session + "." + type).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        header(type, session),
        header,
        new JsonObject(),
        content,
        List.of());
  }

  static JsonObject header(String type, String session) {
    JsonObject h = new JsonObject();
    h.addProperty("msg_id", UUID.randomUUID().toString());
    h.addProperty("session", session);
    h.addProperty("username", "kernel");
    h.addProperty("date", Instant.now().toString());
    h.addProperty("msg_type", type);
    h.addProperty("version", PROTOCOL_VERSION);
    return h;
  }

  @Override
  public String toString() {
    return "Message[" + type() + " " + content.keySet() + "]";
  }
}
