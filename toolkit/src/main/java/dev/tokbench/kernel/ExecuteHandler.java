package dev.tokbench.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tokbench.notebook.CellError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Runs {@code execute_request}s: numbers them, echoes the input, streams the cell's output,
 * publishes its value or error, and keeps the history that {@code history_request} reads.
 */
final class ExecuteHandler {
  private final String session;
  private final Consumer<Message> iopub;
  private final ScheduledExecutorService timer;
  private final CompletableFuture<CellEngine> engine;
  private final List<String> history = new ArrayList<>();
  private int executionCount;

  ExecuteHandler(
      String session,
      Consumer<Message> iopub,
      ScheduledExecutorService timer,
      CompletableFuture<CellEngine> engine) {
    this.session = session;
    this.iopub = iopub;
    this.timer = timer;
    this.engine = engine;
  }

  /** Executes the request's code and returns the content of its {@code execute_reply}. */
  JsonObject run(Message request) {
    JsonObject content = request.content();
    String code = content.has("code") ? content.get("code").getAsString() : "";
    boolean silent = content.has("silent") && content.get("silent").getAsBoolean();
    boolean store =
        !silent && (!content.has("store_history") || content.get("store_history").getAsBoolean());
    int count = countFor(code, store);
    CellPublisher out = new CellPublisher(request, session, silent ? m -> {} : iopub, timer);
    if (!silent) {
      JsonObject input = new JsonObject();
      input.addProperty("code", code);
      input.addProperty("execution_count", count);
      out.publish("execute_input", input);
    }
    CellEngine.CellOutcome outcome = engine.join().run(code, out);
    out.flush();
    return outcome
        .error()
        .map(e -> failed(out, e, count))
        .orElseGet(() -> succeeded(out, outcome, count));
  }

  synchronized List<String> history() {
    return List.copyOf(history);
  }

  private synchronized int countFor(String code, boolean store) {
    if (store) {
      executionCount++;
      history.add(code);
    }
    return executionCount;
  }

  private static JsonObject succeeded(
      CellPublisher out, CellEngine.CellOutcome outcome, int count) {
    if (!outcome.result().isEmpty()) {
      JsonObject result = CellPublisher.bundle(outcome.result());
      result.addProperty("execution_count", count);
      out.publish("execute_result", result);
    }
    JsonObject reply = JavaKernel.ok();
    reply.addProperty("execution_count", count);
    reply.add("user_expressions", new JsonObject());
    reply.add("payload", new JsonArray());
    return reply;
  }

  private static JsonObject failed(CellPublisher out, CellError error, int count) {
    JsonObject content = new JsonObject();
    content.addProperty("ename", error.name());
    content.addProperty("evalue", error.message());
    JsonArray traceback = new JsonArray();
    error.traceback().forEach(traceback::add);
    content.add("traceback", traceback);
    out.publish("error", content);
    JsonObject reply = content.deepCopy();
    reply.addProperty("status", "error");
    reply.addProperty("execution_count", count);
    return reply;
  }
}
