package dev.tokbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file that only grows, each write forced to the device before it returns. A write torn by a
 * crash (a last line without its newline) is cut off when the file is opened again.
 */
final class AppendFile implements AutoCloseable {
  private final Path path;
  private final FileChannel channel;

  private AppendFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  static AppendFile open(Path path) {
    try {
      if (path.getParent() != null) Files.createDirectories(path.getParent());
      FileChannel ch =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
      cutTornTail(ch);
      ch.position(ch.size());
      return new AppendFile(path, ch);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
  }

  /** True when nothing has been written yet. */
  boolean isEmpty() {
    try {
      return channel.size() == 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends text (whole lines) and forces it to disk. */
  void write(String lines) {
    try {
      ByteBuffer b = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) channel.write(b);
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + path, e);
    }
  }

  private static void cutTornTail(FileChannel ch) throws IOException {
    long size = ch.size();
    long end = size;
    ByteBuffer one = ByteBuffer.allocate(1);
    while (end > 0) {
      one.clear();
      ch.read(one, end - 1);
      if (one.get(0) == '\n') break;
      end--;
    }
    if (end < size) ch.truncate(end);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + path, e);
    }
  }
}
