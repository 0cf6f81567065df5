package dev.tokbench.gguf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real GGUF files under test resources (copied from the project's shared fixtures). */
final class GgufFixtures {
  static final String HEADER_ONLY_1B = "llama-3.2-1b-Q4_K_M.header-only.gguf";
  static final long HEADER_ONLY_1B_FULL_BYTES = 802_711_808L;

  private GgufFixtures() {}

  static Path dir() {
    try {
      return Path.of(GgufFixtures.class.getResource("/gguf/llama-bench-reference.jsonl").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path file(String name) {
    return dir().resolve(name);
  }

  /** Every .gguf fixture, sorted by name. */
  static List<Path> all() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> p.toString().endsWith(".gguf")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** llama-bench's own figures for each model: one JSON object per line. */
  static List<JsonNode> reference() {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file("llama-bench-reference.jsonl"))) {
        if (!line.isBlank()) out.add(json.readTree(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
