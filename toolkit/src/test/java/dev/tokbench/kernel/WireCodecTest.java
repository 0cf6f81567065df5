package dev.tokbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecTest {
  private static final byte[] HEADER =
      "{\"msg_type\":\"kernel_info_request\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);
  // hmac.new(b"secret", header + {} + {} + {}, hashlib.sha256).hexdigest(), from Python
  private static final String PYTHON_SIGNATURE =
      "da987989801f25e9398e6a2aee42649d93bf7451e56a863c9f755263d32e6ef1";

  private final WireCodec codec = new WireCodec(MessageSigner.of("hmac-sha256", "secret"));
  private final List<String> rejections = new ArrayList<>();

  @Test
  void signatureMatchesPythonsHmac() {
    assertThat(MessageSigner.of("hmac-sha256", "secret").sign(List.of(HEADER, EMPTY, EMPTY, EMPTY)))
        .isEqualTo(PYTHON_SIGNATURE);
  }

  @Test
  void correctlySignedMessageIsDecodedWithItsIdentities() {
    var message = codec.decode(frames(PYTHON_SIGNATURE), rejections::add);
    assertThat(message).isPresent();
    assertThat(message.get().type()).isEqualTo("kernel_info_request");
    assertThat(message.get().identities())
        .containsExactly("client".getBytes(StandardCharsets.UTF_8));
    assertThat(rejections).isEmpty();
  }

  @Test
  void badlySignedMessageIsDroppedWithReason() {
    String wrong = PYTHON_SIGNATURE.replace('d', 'e');
    assertThat(codec.decode(frames(wrong), rejections::add)).isEmpty();
    assertThat(rejections).containsExactly("message with a bad or missing signature");
  }

  @Test
  void unsignedMessageIsDroppedWhenAKeyIsSet() {
    assertThat(codec.decode(frames(""), rejections::add)).isEmpty();
    assertThat(rejections).hasSize(1);
  }

  @Test
  void messageWithoutDelimiterIsDropped() {
    assertThat(codec.decode(List.of(HEADER, EMPTY), rejections::add)).isEmpty();
    assertThat(rejections).containsExactly("malformed message with 2 frames");
  }

  @Test
  void encodedReplyDecodesBackToTheSameContent() {
    Message request = codec.decode(frames(PYTHON_SIGNATURE), rejections::add).orElseThrow();
    Message reply = request.reply("kernel_info_reply", "session-1", JavaKernel.ok());
    Message back = codec.decode(codec.encode(reply), rejections::add).orElseThrow();
    assertThat(back.type()).isEqualTo("kernel_info_reply");
    assertThat(back.parentHeader()).isEqualTo(request.header());
    assertThat(back.content().get("status").getAsString()).isEqualTo("ok");
  }

  @Test
  void emptyKeyMeansUnauthenticatedAsTheSpecSays() {
    WireCodec open = new WireCodec(MessageSigner.of("hmac-sha256", ""));
    assertThat(open.decode(frames(""), rejections::add)).isPresent();
  }

  private static List<byte[]> frames(String signature) {
    return List.of(
        "client".getBytes(StandardCharsets.UTF_8),
        WireCodec.DELIMITER,
        signature.getBytes(StandardCharsets.US_ASCII),
        HEADER,
        EMPTY,
        EMPTY,
        EMPTY);
  }
}
