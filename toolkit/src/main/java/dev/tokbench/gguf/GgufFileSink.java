package dev.tokbench.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Streams a {@link GgufWriter}'s file to a temporary name beside the target, then moves it into
 * place. Any failure deletes the temporary file, so the target name only ever holds a complete file
 * (the old one, or the new one).
 */
final class GgufFileSink {
  private static final int CHUNK_BYTES = 1 << 20;

  private final GgufWriter writer;
  private final Path target;

  GgufFileSink(GgufWriter writer, Path target) {
    this.writer = writer;
    this.target = target.toAbsolutePath().normalize();
  }

  Path write() {
    byte[] header = writer.header();
    long total = header.length + dataBytes();
    Path dir = checkFolder(total);
    Path temp = null;
    try {
      // not createTempFile: its owner-only permissions would stay on the finished model
      temp =
          Files.createFile(
              dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".partial"));
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        writeFully(ch, ByteBuffer.wrap(header));
        for (GgufWriter.Tensor t : writer.tensors()) writeTensor(ch, t);
      }
      moveIntoPlace(temp);
      return target;
    } catch (IOException e) {
      throw new GgufWriteException(target, describe(e), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private long dataBytes() {
    long sum = 0;
    for (GgufWriter.Tensor t : writer.tensors()) sum += writer.alignUp(t.bytes());
    return sum;
  }

  private Path checkFolder(long total) {
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new GgufWriteException(target, "the folder " + dir + " does not exist");
    }
    if (Files.isDirectory(target)) throw new GgufWriteException(target, "is a folder");
    try {
      long usable = Files.getFileStore(dir).getUsableSpace();
      if (usable < total) {
        throw new GgufWriteException(
            target,
            "not enough disk space: the file needs " + total + " bytes, " + usable + " free");
      }
    } catch (IOException e) {
      throw new GgufWriteException(target, describe(e), e);
    }
    return dir;
  }

  private void writeTensor(FileChannel ch, GgufWriter.Tensor t) throws IOException {
    TensorOut out = new TensorOut(ch, t, writer.order());
    t.data().writeTo(out);
    out.finish();
    long pad = writer.alignUp(t.bytes()) - t.bytes();
    writeFully(ch, ByteBuffer.allocate((int) pad));
  }

  private void moveIntoPlace(Path temp) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) ch.write(b);
  }

  private static String describe(IOException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("No space left")) return "the disk is full (" + m + ")";
    if (m.contains("File too large") || m.contains("quota exceeded")) {
      return "the file system refused to grow the file ("
          + m
          + "): a size limit (ulimit -f), a quota"
          + " or the file system's largest file";
    }
    if (e instanceof AccessDeniedException) return "permission denied (" + m + ")";
    if (e instanceof NoSuchFileException) return "no such file or folder (" + m + ")";
    return e.getClass().getSimpleName() + ": " + m;
  }

  private static void deleteQuietly(Path p) {
    if (p == null) return;
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // the write already failed or succeeded; a stray .partial file is the lesser problem
    }
  }

  /** Collects one tensor's bytes in whole blocks, converts their byte order, writes them. */
  private static final class TensorOut implements TensorData.Sink {
    private final FileChannel ch;
    private final GgufWriter.Tensor tensor;
    private final boolean swap;
    private final byte[] stage;
    private int staged;
    private long written;

    TensorOut(FileChannel ch, GgufWriter.Tensor tensor, ByteOrder order) {
      this.ch = ch;
      this.tensor = tensor;
      this.swap = order == ByteOrder.BIG_ENDIAN;
      int block = tensor.type().typeSize();
      this.stage = new byte[Math.max(block, CHUNK_BYTES / block * block)];
      if (swap && BlockByteOrder.of(tensor.type()).isEmpty()) {
        throw new GgufWriteException(
            null,
            "tensor " + tensor.name() + ": big-endian " + tensor.type() + " is not supported");
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (written + length > tensor.bytes()) throw wrongSize(written + length);
      written += length;
      if (!swap && staged == 0 && length >= stage.length) { // whole chunks need no staging copy
        writeFully(ch, ByteBuffer.wrap(bytes, offset, length));
        return;
      }
      while (length > 0) {
        int n = Math.min(length, stage.length - staged);
        System.arraycopy(bytes, offset, stage, staged, n);
        staged += n;
        offset += n;
        length -= n;
        if (staged == stage.length) flush();
      }
    }

    void finish() throws IOException {
      if (written != tensor.bytes()) throw wrongSize(written);
      flush();
    }

    private void flush() throws IOException {
      if (swap) BlockByteOrder.swap(tensor.type(), stage, 0, staged / tensor.type().typeSize());
      writeFully(ch, ByteBuffer.wrap(stage, 0, staged));
      staged = 0;
    }

    private IllegalStateException wrongSize(long got) {
      return new IllegalStateException(
          "tensor "
              + tensor.name()
              + " produced "
              + got
              + " bytes, its shape needs "
              + tensor.bytes());
    }
  }
}
