package dev.tokbench.serve.sse;

import java.util.Objects;

/**
 * One Server-Sent Event as it arrived.
 *
 * @param event the {@code event:} field; empty for the default ("message")
 * @param data the {@code data:} lines joined with {@code \n}
 * @param arrivalNanos {@link System#nanoTime()} when the bytes that completed the event arrived
 * @param endOffset byte offset in the stream just past the blank line that ended the event
 */
public record SseEvent(String event, String data, long arrivalNanos, long endOffset) {
  public SseEvent {
    event = Objects.requireNonNullElse(event, "");
    Objects.requireNonNull(data, "data");
  }

  @Override
  public String toString() {
    String shown = data.length() > 80 ? data.substring(0, 80) + "…" : data;
    return (event.isEmpty() ? "" : event + ": ") + shown + " @" + endOffset;
  }
}
