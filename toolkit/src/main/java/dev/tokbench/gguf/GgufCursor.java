package dev.tokbench.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads GGUF primitives from a buffer whose index 0 sits at byte {@code base} of the file. Every
 * read checks the remaining bytes first, so a bad count or length becomes a {@link
 * GgufFormatException} naming the offset, never an allocation or a buffer underflow.
 */
final class GgufCursor {
  private final Path path;
  private final ByteBuffer buf;
  private final long base;
  private final long fileBytes;

  GgufCursor(Path path, ByteBuffer buf, long base, long fileBytes) {
    this.path = path;
    this.buf = buf;
    this.base = base;
    this.fileBytes = fileBytes;
  }

  Path path() {
    return path;
  }

  ByteOrder order() {
    return buf.order();
  }

  void order(ByteOrder order) {
    buf.order(order);
  }

  /** The file offset of the next byte to read. */
  long offset() {
    return base + buf.position();
  }

  long remaining() {
    return buf.remaining();
  }

  GgufFormatException error(long offset, String problem) {
    return new GgufFormatException(path, offset, problem);
  }

  /** Throws unless {@code n} more bytes are there for {@code what}. */
  void need(long n, String what) {
    if (n < 0 || n > buf.remaining()) {
      long end = base + buf.limit();
      String where =
          end >= fileBytes
              ? "the file ends at byte " + fileBytes
              : "the readable header ends at byte " + end;
      throw error(
          offset(),
          what + " needs " + Long.toUnsignedString(n) + " bytes but " + where + " (truncated?)");
    }
  }

  /** Moves to a file offset inside this buffer that was already read. */
  void seek(long fileOffset) {
    buf.position((int) (fileOffset - base));
  }

  void skip(long n, String what) {
    need(n, what);
    buf.position(buf.position() + (int) n);
  }

  int u8(String what) {
    need(1, what);
    return buf.get() & 0xff;
  }

  int u16(String what) {
    need(2, what);
    return buf.getShort() & 0xffff;
  }

  /** A {@code uint32} as a non-negative long. */
  long u32(String what) {
    need(4, what);
    return buf.getInt() & 0xffff_ffffL;
  }

  int i32(String what) {
    need(4, what);
    return buf.getInt();
  }

  /** A raw 64-bit value; callers decide whether it is signed. */
  long i64(String what) {
    need(8, what);
    return buf.getLong();
  }

  float f32(String what) {
    need(4, what);
    return buf.getFloat();
  }

  double f64(String what) {
    need(8, what);
    return buf.getDouble();
  }

  /**
   * A {@code uint64} count or length, checked to fit in the remaining bytes when each item takes at
   * least {@code minItemBytes}.
   */
  long count(String what, int minItemBytes) {
    long at = offset();
    long n = i64(what);
    long room = buf.remaining() / Math.max(1, minItemBytes);
    if (n < 0 || n > room) {
      throw error(
          at,
          what
              + " is "
              + Long.toUnsignedString(n)
              + " but only "
              + buf.remaining()
              + " bytes remain (room for at most "
              + room
              + ")");
    }
    return n;
  }

  /** {@code gguf_string_t}: a {@code uint64} length, then that many UTF-8 bytes. */
  String string(String what) {
    int n = (int) count(what + " length", 1);
    byte[] bytes = new byte[n];
    buf.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Skips a {@code gguf_string_t} without decoding it. */
  void skipString(String what) {
    long n = count(what + " length", 1);
    buf.position(buf.position() + (int) n);
  }

  /**
   * A read-only view of the next {@code n} bytes, in this cursor's byte order; advances past it.
   */
  ByteBuffer slice(long n, String what) {
    need(n, what);
    ByteBuffer s = buf.slice(buf.position(), (int) n).order(buf.order());
    buf.position(buf.position() + (int) n);
    return s;
  }
}
