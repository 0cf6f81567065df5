package dev.tokbench.serve.sse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A server's event stream as the load-test client receives it, in chunks cut wherever the input's
 * first byte says (a stream is split by the network anywhere, a UTF-8 sequence or a CRLF too): the
 * events must not depend on where the chunks were cut, and a line over the limit is an {@link
 * SseFormatException} at a byte offset within the stream.
 */
class SseStreamFuzzTarget {
  private static final int MAX_LINE = 4096;

  @FuzzTest
  void fuzz(byte[] bytes) {
    int chunk = bytes.length == 0 ? 1 : 1 + (bytes[0] & 0x3F);
    List<String> whole = events(bytes, bytes.length + 1);
    List<String> chunked = events(bytes, chunk);
    if (!whole.equals(chunked)) {
      throw new AssertionError(
          "events depend on the chunking (" + chunk + " bytes): " + whole + " vs " + chunked);
    }
  }

  private static List<String> events(byte[] bytes, int chunk) {
    List<String> out = new ArrayList<>();
    SseParser p = new SseParser(e -> out.add(e.event() + "|" + e.data()), MAX_LINE);
    try {
      for (int at = 0; at < bytes.length; at += chunk) {
        p.feed(ByteBuffer.wrap(bytes, at, Math.min(chunk, bytes.length - at)), at);
      }
    } catch (SseFormatException e) {
      if (e.offset() < 0 || e.offset() > bytes.length) {
        throw new AssertionError("offset " + e.offset() + " is outside the stream", e);
      }
      out.add("error at " + e.offset());
    }
    return out;
  }
}
