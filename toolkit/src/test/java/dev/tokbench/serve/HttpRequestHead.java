package dev.tokbench.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 request as {@link ScriptedSseServer} reads it: the request line, the headers that
 * matter, and the body.
 */
record HttpRequestHead(String method, String path, int contentLength, byte[] bodyBytes) {
  String body() {
    return new String(bodyBytes, StandardCharsets.UTF_8);
  }

  /** The next request on the connection; null at its end. */
  static HttpRequestHead read(InputStream in) throws IOException {
    String requestLine = line(in);
    if (requestLine == null) return null;
    int length = 0;
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase("content-length"))
        length = Integer.parseInt(h.substring(colon + 1).trim());
    }
    String[] parts = requestLine.split(" ");
    byte[] body = in.readNBytes(length);
    return new HttpRequestHead(parts[0], parts.length > 1 ? parts[1] : "/", length, body);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') if (c != '\r') b.write(c);
    return c < 0 && b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
  }
}
