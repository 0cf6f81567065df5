package dev.tokbench.kernel;

import com.google.gson.JsonObject;
import dev.tokbench.display.MimeBundle;
import dev.tokbench.notebook.CellListener;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Publishes one cell's output on IOPub with that cell's request as parent, so that output from
 * threads the cell started lands in the same cell even after it finished. Stream text is coalesced
 * for a few milliseconds so a loop of {@code println} does not become thousands of messages, yet
 * still appears while the cell runs.
 */
final class CellPublisher implements CellListener.ByStream {
  private static final long COALESCE_MS = 40;

  private final Message request;
  private final String session;
  private final Consumer<Message> iopub;
  private final ScheduledExecutorService timer;
  private final StringBuilder pending = new StringBuilder();
  private String pendingStream = "stdout";
  private ScheduledFuture<?> scheduled;

  CellPublisher(
      Message request, String session, Consumer<Message> iopub, ScheduledExecutorService timer) {
    this.request = request;
    this.session = session;
    this.iopub = iopub;
    this.timer = timer;
  }

  @Override
  public void display(MimeBundle mimeBundle) {
    flush();
    JsonObject content = bundle(mimeBundle.data());
    content.add("transient", new JsonObject());
    publish("display_data", content);
  }

  /** Sends any buffered stream text now. */
  synchronized void flush() {
    if (scheduled != null) {
      scheduled.cancel(false);
      scheduled = null;
    }
    if (pending.length() > 0) {
      JsonObject content = new JsonObject();
      content.addProperty("name", pendingStream);
      content.addProperty("text", pending.toString());
      pending.setLength(0);
      publish("stream", content);
    }
  }

  void publish(String type, JsonObject content) {
    iopub.accept(request.broadcast(type, session, content));
  }

  /** {@code {"data": {...}, "metadata": {}}} for a MIME bundle. */
  static JsonObject bundle(Map<String, String> mimeBundle) {
    JsonObject data = new JsonObject();
    mimeBundle.forEach(data::addProperty);
    JsonObject content = new JsonObject();
    content.add("data", data);
    content.add("metadata", new JsonObject());
    return content;
  }

  @Override
  public synchronized void stream(String stream, String text) {
    if (!stream.equals(pendingStream)) {
      flush();
      pendingStream = stream;
    }
    pending.append(text);
    if (scheduled == null) {
      scheduled = timer.schedule(this::flush, COALESCE_MS, TimeUnit.MILLISECONDS);
    }
  }
}
