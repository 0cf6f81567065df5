package dev.tokbench.serve.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
  private final List<SseEvent> events = new ArrayList<>();
  private final SseParser parser = new SseParser(events::add);

  private void feed(String s, long at) {
    parser.feed(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)), at);
  }

  @Test
  void anEventIsStampedWithTheArrivalOfTheBytesThatCompletedIt() {
    feed("data: {\"a\":", 1);
    feed("1}\n", 2);
    feed("\ndata: [DONE]\n\n", 3);

    assertThat(events).extracting(SseEvent::data).containsExactly("{\"a\":1}", "[DONE]");
    assertThat(events).extracting(SseEvent::arrivalNanos).containsExactly(3L, 3L);
  }

  @Test
  void byteAtATimeGivesTheSameEventsWhateverTheLineEndings() {
    String stream =
        "\uFEFFdata: one\r\n\r\n: ping\r\n\r\nevent: error\rdata: two\r\rdata: a\ndata:b\n\n";
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) parser.feed(ByteBuffer.wrap(bytes, i, 1), i);

    assertThat(events).extracting(SseEvent::data).containsExactly("one", "two", "a\nb");
    assertThat(events).extracting(SseEvent::event).containsExactly("", "error", "");
    assertThat(parser.hasPartialEvent()).isFalse();
  }

  @Test
  void aCharacterSplitAcrossReadsArrivesWhole() {
    byte[] b = "data: é€\n\n".getBytes(StandardCharsets.UTF_8);
    parser.feed(ByteBuffer.wrap(b, 0, 7), 1); // "data: " and the first byte of é
    parser.feed(ByteBuffer.wrap(b, 7, b.length - 7), 2);

    assertThat(events.get(0).data()).isEqualTo("é€");
  }

  @Test
  void aCommentOnlyOrEmptyEventDispatchesNothing() {
    feed(":\n\n\n\nid: 3\nretry: 10\n\n", 1);

    assertThat(events).isEmpty();
    assertThat(parser.offset()).isEqualTo(22);
  }

  @Test
  void dataWithoutItsBlankLineIsAPartialEvent() {
    feed("data: {\"choices\":[]}\n", 1);

    assertThat(events).isEmpty();
    assertThat(parser.hasPartialEvent()).isTrue();
  }

  @Test
  void aLineOverTheLimitIsRejectedWithItsOffset() {
    SseParser small = new SseParser(events::add, 16);
    small.feed(ByteBuffer.wrap("data: x\n\n".getBytes(StandardCharsets.UTF_8)), 0);

    assertThatThrownBy(
            () ->
                small.feed(
                    ByteBuffer.wrap("data: 0123456789abcdef".getBytes(StandardCharsets.UTF_8)), 1))
        .isInstanceOf(SseFormatException.class)
        .hasMessageContaining("longer than 16 bytes")
        .hasMessageContaining("at byte 9");
  }
}
