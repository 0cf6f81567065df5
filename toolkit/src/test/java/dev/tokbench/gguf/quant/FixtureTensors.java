package dev.tokbench.gguf.quant;

import dev.tokbench.gguf.GgmlType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** THROWAWAY until Gguf.read lands: the tensors of a fixture file. */
final class FixtureTensors {
  record T(String name, GgmlType type, long elements, ByteBuffer data) {}

  static Path fixture(String name) {
    try {
      return Path.of(FixtureTensors.class.getResource("/gguf/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, T> read(String name) {
    try {
      ByteBuffer b =
          ByteBuffer.wrap(Files.readAllBytes(fixture(name))).order(ByteOrder.LITTLE_ENDIAN);
      b.position(8);
      long nt = b.getLong();
      long nkv = b.getLong();
      for (long i = 0; i < nkv; i++) {
        str(b);
        skip(b, b.getInt());
      }
      Map<String, Object[]> infos = new LinkedHashMap<>();
      for (long i = 0; i < nt; i++) {
        String n = str(b);
        int dims = b.getInt();
        long el = 1;
        for (int d = 0; d < dims; d++) el *= b.getLong();
        infos.put(n, new Object[] {GgmlType.byId(b.getInt()).orElseThrow(), el, b.getLong()});
      }
      long start = (b.position() + 31) / 32 * 32;
      Map<String, T> out = new LinkedHashMap<>();
      infos.forEach(
          (n, o) -> {
            GgmlType t = (GgmlType) o[0];
            long el = (Long) o[1];
            ByteBuffer d =
                b.duplicate()
                    .position((int) (start + (Long) o[2]))
                    .limit((int) (start + (Long) o[2] + t.bytesFor(el)))
                    .slice()
                    .order(ByteOrder.LITTLE_ENDIAN);
            out.put(n, new T(n, t, el, d));
          });
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String str(ByteBuffer b) {
    byte[] s = new byte[(int) b.getLong()];
    b.get(s);
    return new String(s, StandardCharsets.UTF_8);
  }

  private static void skip(ByteBuffer b, int type) {
    switch (type) {
      case 0, 1, 7 -> b.position(b.position() + 1);
      case 2, 3 -> b.position(b.position() + 2);
      case 4, 5, 6 -> b.position(b.position() + 4);
      case 10, 11, 12 -> b.position(b.position() + 8);
      case 8 -> str(b);
      case 9 -> {
        int et = b.getInt();
        long n = b.getLong();
        for (long i = 0; i < n; i++) skip(b, et);
      }
      default -> throw new IllegalStateException("type " + type);
    }
  }
}
