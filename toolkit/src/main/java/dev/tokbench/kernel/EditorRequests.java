package dev.tokbench.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers what an editor asks while the user types: completion, whether a cell is complete,
 * inspection of the symbol under the cursor, and history. Jupyter counts cursor positions in
 * Unicode code points ("cursor_pos ... in unicode code points", protocol 5.2); Java strings count
 * UTF-16 units, so positions are converted both ways.
 */
final class EditorRequests {
  private final CompletableFuture<CellEngine> engine;
  private final ExecuteHandler execute;

  EditorRequests(CompletableFuture<CellEngine> engine, ExecuteHandler execute) {
    this.engine = engine;
    this.execute = execute;
  }

  JsonObject complete(JsonObject content) {
    String code = content.get("code").getAsString();
    int cursor = toUtf16(code, content.get("cursor_pos").getAsInt());
    CellEngine.Completion completion = engine.join().complete(code, cursor);
    JsonArray matches = new JsonArray();
    completion.matches().forEach(matches::add);
    JsonObject reply = JavaKernel.ok("matches", matches);
    reply.addProperty("cursor_start", toCodePoints(code, completion.start()));
    reply.addProperty("cursor_end", toCodePoints(code, completion.end()));
    reply.add("metadata", new JsonObject());
    return reply;
  }

  JsonObject isComplete(JsonObject content) {
    String status = engine.join().isComplete(content.get("code").getAsString());
    JsonObject reply = new JsonObject();
    reply.addProperty("status", status);
    if (status.equals("incomplete")) {
      reply.addProperty("indent", "");
    }
    return reply;
  }

  JsonObject inspect(JsonObject content) {
    String code = content.get("code").getAsString();
    int cursor = toUtf16(code, content.get("cursor_pos").getAsInt());
    Optional<String> doc = engine.join().inspect(code, cursor);
    JsonObject reply = JavaKernel.ok();
    reply.addProperty("found", doc.isPresent());
    reply.add(
        "data",
        doc.map(d -> CellPublisher.bundle(JavaKernel.textPlain(d)).get("data"))
            .orElse(new JsonObject()));
    reply.add("metadata", new JsonObject());
    return reply;
  }

  /** Every stored cell of this session as {@code [session, line, input]}. */
  JsonObject history() {
    JsonArray entries = new JsonArray();
    List<String> cells = execute.history();
    for (int i = 0; i < cells.size(); i++) {
      JsonArray entry = new JsonArray();
      entry.add(0); // 0 stands for the current session in IPython's history numbering
      entry.add(i + 1);
      entry.add(cells.get(i));
      entries.add(entry);
    }
    return JavaKernel.ok("history", entries);
  }

  static int toUtf16(String code, int codePoints) {
    int clamped = Math.max(0, Math.min(codePoints, code.codePointCount(0, code.length())));
    return code.offsetByCodePoints(0, clamped);
  }

  static int toCodePoints(String code, int utf16) {
    return code.codePointCount(0, Math.max(0, Math.min(utf16, code.length())));
  }
}
