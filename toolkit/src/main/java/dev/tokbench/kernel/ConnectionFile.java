package dev.tokbench.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import java.nio.file.Path;

/**
 * The connection file Jupyter writes before it launches a kernel: where to bind each of the five
 * sockets, and the key every message is signed with.
 *
 * @see <a href="https://jupyter-client.readthedocs.io/en/stable/kernels.html#connection-files">
 *     connection files</a>
 */
record ConnectionFile(
    String transport,
    String ip,
    int shellPort,
    int iopubPort,
    int stdinPort,
    int controlPort,
    int hbPort,
    String signatureScheme,
    String key) {

  public ConnectionFile {
    if (!transport.equals("tcp") && !transport.equals("ipc")) {
      throw new IllegalArgumentException("transport must be tcp or ipc, not " + transport);
    }
    if (ip.isBlank()) {
      throw new IllegalArgumentException("ip is empty");
    }
  }

  /**
   * Reads a connection file; a missing or mistyped field is reported with the file's path. Limits
   * ({@link ReadLimits#KERNEL}): 64 MiB, Gson's 255 levels of nesting.
   */
  public static ConnectionFile read(Path file) {
    JsonObject json;
    try {
      JsonElement root = JsonParser.parseString(ReadLimits.KERNEL.read(file));
      if (!root.isJsonObject()) throw new KernelSetupException(file + ": not a JSON object");
      json = root.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new KernelSetupException(
          file + ": not a JSON connection file: " + JsonInput.abbreviate(e.getMessage()));
    }
    try {
      return new ConnectionFile(
          string(json, "transport", file),
          string(json, "ip", file),
          port(json, "shell_port", file),
          port(json, "iopub_port", file),
          port(json, "stdin_port", file),
          port(json, "control_port", file),
          port(json, "hb_port", file),
          json.has("signature_scheme") ? string(json, "signature_scheme", file) : "hmac-sha256",
          json.has("key") ? string(json, "key", file) : "");
    } catch (IllegalArgumentException e) {
      throw new KernelSetupException(file + ": " + JsonInput.abbreviate(e.getMessage()));
    }
  }

  /** The ZeroMQ endpoint for one port, e.g. {@code tcp://127.0.0.1:5555}. */
  public String endpoint(int port) {
    // ipc endpoints are "ipc://<ip>-<port>", as jupyter_client writes them
    return transport.equals("ipc") ? "ipc://" + ip + "-" + port : "tcp://" + ip + ":" + port;
  }

  @Override
  public String toString() {
    return "ConnectionFile[" + transport + "://" + ip + " shell=" + shellPort + "]";
  }

  private static String string(JsonObject json, String field, Path file) {
    JsonElement value = json.get(field);
    if (value == null) {
      throw new KernelSetupException(file + ": connection file has no \"" + field + "\"");
    }
    if (!value.isJsonPrimitive()) {
      throw new KernelSetupException(
          file + ": \"" + field + "\" must be a string or number, got " + abbreviate(value));
    }
    return value.getAsString();
  }

  private static int port(JsonObject json, String field, Path file) {
    String text = string(json, field, file);
    int port;
    try {
      port = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65535) {
      throw new KernelSetupException(
          file + ": " + field + " " + JsonInput.abbreviate(text) + " is not a TCP port");
    }
    return port;
  }

  private static String abbreviate(JsonElement value) {
    return JsonInput.abbreviate(value.toString());
  }
}
