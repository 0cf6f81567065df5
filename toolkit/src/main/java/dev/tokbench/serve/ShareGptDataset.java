package dev.tokbench.serve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.BadInputException;
import dev.tokbench.BadLineException;
import dev.tokbench.FileReadException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Prompts from a ShareGPT-style JSON file ({@code ShareGPT_V3_unfiltered_cleaned_split.json}: an
 * array of {@code {"conversations": [{"from": "human", "value": ...}, {"from": "gpt", ...}]}}), as
 * {@code vllm bench serve --dataset-name sharegpt} takes them: the first turn of every conversation
 * with at least two turns, in a seeded random order. The file is streamed one conversation at a
 * time and a seeded reservoir keeps only the prompts the run needs, so a 600 MB file needs memory
 * for those prompts only. None is downloaded.
 */
public final class ShareGptDataset {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShareGptDataset() {}

  /**
   * The file's bytes, refused at line 1 unless they start as UTF-8 can: Jackson would otherwise
   * take a NUL or a UTF-16 byte-order mark among the first four bytes for UTF-16 or UTF-32 and fail
   * with an IOException that places nothing (found by fuzzing: crash-4de51af1). JSON in UTF-8 never
   * starts so (a raw NUL is not JSON, and bytes FE and FF are never UTF-8), so nothing valid is
   * lost; past the start Jackson's UTF-8 parser reports a bad byte with its line and column.
   */
  private static InputStream utf8(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file));
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    boolean bom16 =
        head.length >= 2
            && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
    boolean nul = false;
    for (byte b : head) nul |= b == 0;
    if (bom16 || nul) {
      in.close();
      StringBuilder hex = new StringBuilder();
      for (byte b : head) hex.append(String.format(Locale.ROOT, " %02x", b & 0xFF));
      throw new BadLineException(
          file.toString(),
          1,
          "not UTF-8 JSON: starts with bytes"
              + hex
              + " (UTF-16 or UTF-32?); a ShareGPT dataset is UTF-8",
          null);
    }
    return in;
  }

  /**
   * {@code count} distinct prompts drawn uniformly (seeded) from the file's usable conversations.
   *
   * @throws BadInputException when the file is not such an array, with the line and column, or has
   *     fewer usable conversations than {@code count}
   */
  public static PromptSource sample(Path file, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> kept = new ArrayList<>(Math.min(count, 1 << 16));
    long usable = 0;
    try (InputStream in = utf8(file);
        JsonParser p = JSON.createParser(in)) {
      expect(p, p.nextToken() == JsonToken.START_ARRAY, file, "a JSON array of conversations");
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        expect(p, t == JsonToken.START_OBJECT, file, "a conversation object");
        String prompt = firstTurn(p.readValueAsTree());
        if (prompt.isEmpty()) continue;
        usable++;
        // reservoir sampling (Algorithm R): each usable prompt ends up kept with probability
        // count/usable
        if (kept.size() < count) kept.add(prompt);
        else {
          long j = random.nextLong(usable);
          if (j < count) kept.set((int) j, prompt);
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new BadInputException(
          file
              + (at == null ? "" : " line " + at.getLineNr() + " column " + at.getColumnNr())
              + ": not valid JSON: "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw FileReadException.of(file, e);
    }
    if (kept.size() < count)
      throw new BadInputException(
          file
              + " has "
              + usable
              + " usable conversations (two turns or more, a non-empty first"
              + " one); the run needs "
              + count
              + " distinct prompts: lower --requests or the levels");
    Collections.shuffle(kept, new java.util.Random(random.nextLong()));
    return PromptSource.texts(
        kept,
        "ShareGPT "
            + file.getFileName()
            + ", "
            + count
            + " of "
            + usable
            + " conversations, seed "
            + seed);
  }

  private static String firstTurn(JsonNode conversation) {
    JsonNode turns = conversation.path("conversations");
    if (!turns.isArray() || turns.size() < 2) return "";
    return turns.get(0).path("value").asText("");
  }

  private static void expect(JsonParser p, boolean ok, Path file, String what) {
    if (ok) return;
    JsonLocation at = p.currentLocation();
    throw new BadInputException(
        file
            + " line "
            + at.getLineNr()
            + " column "
            + at.getColumnNr()
            + ": expected "
            + what
            + " (ShareGPT format), got "
            + p.currentToken());
  }
}
