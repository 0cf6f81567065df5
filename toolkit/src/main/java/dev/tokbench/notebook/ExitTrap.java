package dev.tokbench.notebook;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a class file so that every {@code java/lang/System.exit:(I)V} method reference points at
 * {@link CellExit#exit} instead. Java 17 has no supported way to veto {@code System.exit} without a
 * SecurityManager (deprecated for removal, and it warns), so we patch the constant pool: two new
 * entries (a Utf8 name and a Class) are appended and the {@code CONSTANT_Methodref}'s {@code
 * class_index} is redirected. Invocations, method references ({@code System::exit}) and the stack
 * map are untouched because name and descriptor stay the same. {@code Runtime.exit/halt} are not
 * trapped: they are instance calls and would need real bytecode rewriting.
 */
final class ExitTrap {
  private static final String TARGET = CellExit.class.getName().replace('.', '/');

  private ExitTrap() {}

  /** The patched class file, or the same array when it never calls {@code System.exit}. */
  static byte[] patch(byte[] classFile) {
    ByteBuffer in = ByteBuffer.wrap(classFile);
    if (classFile.length < 10 || in.getInt(0) != 0xCAFEBABE) {
      return classFile;
    }
    int count = in.getShort(8) & 0xFFFF; // u2 constant_pool_count
    int[] offsets = new int[count];
    int end = scanPool(in, offsets);
    if (end < 0) {
      return classFile;
    }
    List<Integer> hits = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (offsets[i] > 0 && classFile[offsets[i]] == 10 && isSystemExit(in, offsets, i)) {
        hits.add(i);
      }
    }
    return hits.isEmpty() ? classFile : rewrite(classFile, count, end, offsets, hits);
  }

  /** Records each entry's offset; returns where the pool ends, or -1 for a tag we do not know. */
  private static int scanPool(ByteBuffer in, int[] offsets) {
    int pos = 10;
    for (int i = 1; i < offsets.length; i++) {
      offsets[i] = pos;
      int tag = in.get(pos) & 0xFF;
      switch (tag) {
        case 1 -> pos += 3 + (in.getShort(pos + 1) & 0xFFFF); // Utf8: u2 length, bytes
        case 3, 4 -> pos += 5;
        case 5, 6 -> { // Long, Double take two slots
          pos += 9;
          i++;
        }
        case 7, 8, 16, 19, 20 -> pos += 3;
        case 9, 10, 11, 12, 17, 18 -> pos += 5;
        case 15 -> pos += 4;
        default -> {
          return -1;
        }
      }
    }
    return pos;
  }

  private static boolean isSystemExit(ByteBuffer in, int[] offsets, int methodref) {
    int classIndex = u2(in, offsets[methodref] + 1);
    int nameAndType = u2(in, offsets[methodref] + 3);
    return "java/lang/System".equals(utf8(in, offsets, u2(in, offsets[classIndex] + 1)))
        && "exit".equals(utf8(in, offsets, u2(in, offsets[nameAndType] + 1)))
        && "(I)V".equals(utf8(in, offsets, u2(in, offsets[nameAndType] + 3)));
  }

  private static byte[] rewrite(byte[] cf, int count, int end, int[] offsets, List<Integer> hits) {
    byte[] head = java.util.Arrays.copyOf(cf, end);
    putU2(head, 8, count + 2);
    for (int hit : hits) {
      putU2(head, offsets[hit] + 1, count + 1); // the new CONSTANT_Class
    }
    byte[] name = TARGET.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(cf.length + name.length + 6);
    out.write(head, 0, head.length);
    out.write(1); // CONSTANT_Utf8 at index count
    out.write(name.length >> 8);
    out.write(name.length);
    out.write(name, 0, name.length);
    out.write(7); // CONSTANT_Class at index count + 1, name_index = count
    out.write(count >> 8);
    out.write(count);
    out.write(cf, end, cf.length - end);
    return out.toByteArray();
  }

  private static String utf8(ByteBuffer in, int[] offsets, int index) {
    int off = offsets[index];
    if (in.get(off) != 1) {
      return null;
    }
    int length = u2(in, off + 1);
    byte[] bytes = new byte[length];
    in.get(off + 3, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static int u2(ByteBuffer in, int offset) {
    return in.getShort(offset) & 0xFFFF;
  }

  private static void putU2(byte[] bytes, int offset, int value) {
    bytes[offset] = (byte) (value >> 8);
    bytes[offset + 1] = (byte) value;
  }
}
