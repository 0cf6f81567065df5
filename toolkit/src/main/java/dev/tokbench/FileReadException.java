package dev.tokbench;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file the user named that cannot be read, saying what happened in words: {@code no such file:
 * X}, {@code X is a directory}, {@code permission denied: X}, else {@code cannot read X: why}. The
 * command line prints it and exits 2, like any bad input.
 */
public class FileReadException extends BadInputException {
  private final Path file;

  private FileReadException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  /** The file that could not be read. */
  public Path file() {
    return file;
  }

  /** {@code file} if it is a readable regular file; else what is wrong with it. */
  public static Path requireReadable(Path file) {
    String problem = problem(file);
    if (problem != null) throw new FileReadException(file, problem, null);
    return file;
  }

  /** The error for {@code file}, whose reading failed with {@code e}, in words. */
  public static FileReadException of(Path file, IOException e) {
    String problem = problem(file);
    if (problem == null && e instanceof NoSuchFileException) problem = "no such file: " + file;
    if (problem == null && e instanceof AccessDeniedException) problem = denied(file);
    if (problem == null && e instanceof FileNotFoundException) problem = "no such file: " + file;
    if (problem == null) problem = "cannot read " + file + ": " + e.getMessage();
    return new FileReadException(file, problem, e);
  }

  /** What stops {@code file} from being read as a file, or null when nothing visible does. */
  private static String problem(Path file) {
    if (Files.isDirectory(file)) return file + " is a directory";
    if (!Files.exists(file)) return "no such file: " + file;
    if (!Files.isReadable(file)) return denied(file);
    return null;
  }

  private static String denied(Path file) {
    return "permission denied: " + file;
  }
}
