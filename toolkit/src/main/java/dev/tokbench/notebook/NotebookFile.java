package dev.tokbench.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.JsonInput;
import dev.tokbench.ReadLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An nbformat 4 notebook as a JSON tree: fields this class does not know are kept as they were.
 * {@code NotebookFile.read(path).codeCells()}; {@link #write} is atomic (a temporary file beside
 * the target, then a rename), so a crash never leaves half a notebook.
 */
public final class NotebookFile {
  private final Path path;
  private final ObjectNode root;

  private NotebookFile(Path path, ObjectNode root) {
    this.path = path;
    this.root = root;
  }

  /**
   * Reads an nbformat 4 notebook, within {@link ReadLimits#NOTEBOOK}: 256 MiB, 100 levels of
   * nesting, 10,000 cells.
   *
   * @throws NotebookFormatException when it is not JSON ({@code file:line: not JSON: why}) or not a
   *     notebook
   * @throws dev.tokbench.InputLimitException when it is past a limit
   */
  public static NotebookFile read(Path path) {
    String source = path.toString();
    String json = ReadLimits.NOTEBOOK.read(path);
    JsonNode node =
        JsonInput.tree(
            ReadLimits.NOTEBOOK,
            json,
            source,
            (line, problem, cause) ->
                new NotebookFormatException(source + ":" + line + ": not JSON: " + problem, cause));
    return new NotebookFile(path, validate(path, node));
  }

  private static ObjectNode validate(Path path, JsonNode node) {
    if (!(node instanceof ObjectNode obj) || !obj.path("cells").isArray()) {
      throw new NotebookFormatException(path + ": not a notebook (no \"cells\" array)");
    }
    if (obj.path("nbformat").asInt() != 4) {
      throw new NotebookFormatException(
          path + ": nbformat " + obj.path("nbformat") + " is not supported; only nbformat 4");
    }
    int cells = obj.get("cells").size();
    if (cells > ReadLimits.NOTEBOOK.maxItems()) {
      throw ReadLimits.NOTEBOOK.tooMany(path.toString(), 1, "cells", cells);
    }
    for (int i = 0; i < cells; i++) {
      JsonNode cell = obj.get("cells").get(i);
      if (!cell.path("cell_type").isTextual()) {
        throw new NotebookFormatException(path + ": cell " + i + " has no cell_type");
      }
    }
    return obj;
  }

  public Path path() {
    return path;
  }

  /** The cells, as the live JSON nodes (changes are written by {@link #write}). */
  public ArrayNode cells() {
    return (ArrayNode) root.get("cells");
  }

  public ObjectNode root() {
    return root;
  }

  /** Indexes (into {@link #cells}) of the code cells, in order. */
  public List<Integer> codeCells() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < cells().size(); i++) {
      if ("code".equals(cells().get(i).path("cell_type").asText())) {
        out.add(i);
      }
    }
    return out;
  }

  /** A cell's source as one string (nbformat may store it as a list of lines). */
  public String source(int index) {
    return JupyterJson.text(cells().get(index).get("source"));
  }

  /** Tags of a cell ({@code metadata.tags}). */
  public List<String> tags(int index) {
    List<String> tags = new ArrayList<>();
    cells().get(index).path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
    return tags;
  }

  /** The notebook as Jupyter would write it. */
  public String toJson() {
    try {
      return JupyterJson.write(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the notebook to {@code target} atomically. */
  public void write(Path target) {
    Path abs = target.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
      Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, toJson());
        move(tmp, abs);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write notebook " + target, e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public String toString() {
    return "NotebookFile[" + path + ", " + cells().size() + " cells]";
  }
}
