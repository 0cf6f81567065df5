package dev.tokbench.kernel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

  /** Reads a connection file; a missing field is reported with the file's path. */
  public static ConnectionFile read(Path file) {
    try {
      JsonObject json =
          JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
      return new ConnectionFile(
          string(json, "transport", file),
          string(json, "ip", file),
          port(json, "shell_port", file),
          port(json, "iopub_port", file),
          port(json, "stdin_port", file),
          port(json, "control_port", file),
          port(json, "hb_port", file),
          json.has("signature_scheme") ? json.get("signature_scheme").getAsString() : "hmac-sha256",
          json.has("key") ? json.get("key").getAsString() : "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JsonParseException | IllegalStateException e) {
      throw new KernelSetupException(file + ": not a JSON connection file: " + e.getMessage());
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
    if (!json.has(field)) {
      throw new KernelSetupException(file + ": connection file has no \"" + field + "\"");
    }
    return json.get(field).getAsString();
  }

  private static int port(JsonObject json, String field, Path file) {
    int port = Integer.parseInt(string(json, field, file));
    if (port < 1 || port > 65535) {
      throw new KernelSetupException(file + ": " + field + " " + port + " is not a TCP port");
    }
    return port;
  }
}
