package dev.tokbench.report;

import dev.tokbench.FileReadException;
import dev.tokbench.formats.Import;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code runs/} folder of a data folder, where new measurements go: files that {@code tokbench
 * run}, {@code sweep} or {@code import} wrote, and saved outputs of the frameworks themselves, each
 * recognised by its content, in subfolders too. This is how a run on a user's machine reaches the
 * report's tables through the same code as the published figures.
 *
 * <p>Nothing is counted twice: a file with the same content as an earlier one, or one whose content
 * hash a results file beside it records as imported ({@code source_sha256}), is skipped and listed;
 * so are the other streams of a run (a log's {@code .stdout}/{@code .stderr}, a JSON's {@code -oe
 * md} table) and its records ({@code .meta.json}, {@code env.txt}).
 *
 * @param rows every row read, each with the file it came from in provenance {@code data_file}
 * @param skipped the files left out, and why
 */
record RunsFolder(List<BenchResult> rows, List<SkippedFile> skipped) {
  /** Notes kept beside the runs, not runs. */
  private static final Set<String> NOTES = Set.of("README.md", "SOURCE.md");

  /** Every row of every file in {@code runs}, files in path order; none when there is no folder. */
  static RunsFolder read(Path runs) {
    if (!Files.isDirectory(runs)) return new RunsFolder(List.of(), List.of());
    Path folder = runs.getParent();
    List<SkippedFile> skipped = new ArrayList<>();
    Map<Path, List<BenchResult>> read = new LinkedHashMap<>();
    Map<Long, List<Path>> bySize = new HashMap<>();
    Map<Path, String> hashes = new HashMap<>();
    List<Path> all = files(runs);
    List<Path> runFiles = all.stream().filter(f -> companionOf(f) == null).toList();
    java.util.Iterator<List<BenchResult>> rowsOf =
        ReadAhead.inOrder(runFiles, Import::read).iterator();
    for (Path f : all) {
      String companion = companionOf(f);
      if (companion != null) {
        skipped.add(new SkippedFile(folder.relativize(f), 0, companion, true));
        continue;
      }
      Path same = sameContent(f, bySize, hashes);
      List<BenchResult> rows = rowsOf.next();
      if (same != null) {
        String why = "same content as " + folder.relativize(same);
        skipped.add(new SkippedFile(folder.relativize(f), rows.size(), why, false));
        continue;
      }
      String rel = folder.relativize(f).toString();
      read.put(f, SourceTag.of(stamped(rows, rel), rel));
    }
    dropImported(read, skipped, hashes, folder);
    List<BenchResult> out = new ArrayList<>();
    read.values().forEach(out::addAll);
    return new RunsFolder(out, skipped);
  }

  /**
   * Why {@code f} is part of a run read from another file, or null: a log's other streams and
   * record, llama-bench's Markdown table beside its JSON, a capture's machine description.
   */
  private static String companionOf(Path f) {
    String name = f.getFileName().toString();
    if (name.equals("env.txt")) return "the machine the runs beside it were measured on";
    String[][] rules = {
      {".meta.json", ".log", "the record of the run in "},
      {".meta.json", ".stdout", "the record of the run in "},
      {".stdout", ".log", "the stdout of the run in "},
      {".stderr", ".log", "the stderr of the run in "},
      {".stderr", ".stdout", "the stderr of the run in "},
      {".stderr.md", ".json", "llama-bench's Markdown table of the run in "},
      {".stderr.md", ".jsonl", "llama-bench's Markdown table of the run in "},
      {".server.log", ".jsonl", "the log of the server serve-bench measured in "}
    };
    for (String[] r : rules) {
      if (!name.endsWith(r[0])) continue;
      String primary = name.substring(0, name.length() - r[0].length()) + r[1];
      if (Files.isRegularFile(f.resolveSibling(primary))) return r[2] + primary;
    }
    return null;
  }

  /** An earlier file with the same bytes, found by size first so only candidates are hashed. */
  private static Path sameContent(Path f, Map<Long, List<Path>> bySize, Map<Path, String> hashes) {
    long size = size(f);
    List<Path> candidates = bySize.computeIfAbsent(size, s -> new ArrayList<>());
    for (Path c : candidates) {
      if (hash(c, hashes).equals(hash(f, hashes))) return c;
    }
    candidates.add(f);
    return null;
  }

  /** Leaves out the rows of files that a results file beside them records as imported. */
  private static void dropImported(
      Map<Path, List<BenchResult>> read,
      List<SkippedFile> skipped,
      Map<Path, String> hashes,
      Path folder) {
    Map<String, Path> imported = new HashMap<>();
    read.forEach(
        (f, rows) -> {
          if (!ResultsFile.isResultsFile(f)) return;
          for (BenchResult r : rows) {
            String h = r.provenance().get(Import.SOURCE_HASH);
            if (h != null) imported.putIfAbsent(h, f);
          }
        });
    if (imported.isEmpty()) return;
    for (Path f : List.copyOf(read.keySet())) {
      if (ResultsFile.isResultsFile(f)) continue;
      Path into = imported.get(hash(f, hashes));
      if (into == null) continue;
      int n = read.remove(f).size();
      String why = "already imported into " + folder.relativize(into);
      skipped.add(new SkippedFile(folder.relativize(f), n, why, false));
    }
  }

  private static List<BenchResult> stamped(List<BenchResult> rows, String file) {
    Map<String, String> where = Map.of("data_file", file);
    List<BenchResult> out = new ArrayList<>(rows.size());
    for (BenchResult r : rows) out.add(r.withProvenance(where));
    return out;
  }

  static String hash(Path f, Map<Path, String> cache) {
    return cache.computeIfAbsent(f, Import::sha256);
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw FileReadException.of(f, e);
    }
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !hidden(dir.relativize(p)))
          .filter(p -> !NOTES.contains(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot list " + dir, new IOException(e.getMessage(), e));
    }
  }

  /** A dotfile or a file in a dot folder. */
  private static boolean hidden(Path relative) {
    for (Path part : relative) if (part.toString().startsWith(".")) return true;
    return false;
  }
}
