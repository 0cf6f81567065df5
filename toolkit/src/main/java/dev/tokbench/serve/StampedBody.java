package dev.tokbench.serve;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * A request body that says when the HTTP client takes it: the JDK's HTTP/1.1 exchange subscribes to
 * the body once the headers are handed to the connection, so the first buffer it takes marks the
 * request going out ({@link StreamRecorder#sent}). Each subscription (a retry's too) reports its
 * first take; the bytes are those of {@link HttpRequest.BodyPublishers#ofString}.
 */
final class StampedBody implements HttpRequest.BodyPublisher {
  private final HttpRequest.BodyPublisher body;
  private final LongConsumer taken;

  StampedBody(String json, LongConsumer taken) {
    this.body = HttpRequest.BodyPublishers.ofString(json);
    this.taken = taken;
  }

  @Override
  public long contentLength() {
    return body.contentLength();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    body.subscribe(
        new Flow.Subscriber<ByteBuffer>() {
          private boolean first = true;

          @Override
          public void onSubscribe(Flow.Subscription s) {
            subscriber.onSubscribe(s);
          }

          @Override
          public void onNext(ByteBuffer item) {
            if (first) taken.accept(System.nanoTime()); // before the bytes go to the connection
            first = false;
            subscriber.onNext(item);
          }

          @Override
          public void onError(Throwable t) {
            subscriber.onError(t);
          }

          @Override
          public void onComplete() {
            subscriber.onComplete();
          }
        });
  }
}
