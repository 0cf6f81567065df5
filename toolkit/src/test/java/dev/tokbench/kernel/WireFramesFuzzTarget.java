package dev.tokbench.kernel;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Jupyter wire frames as the kernel's sockets deliver them: the input's first byte holds flags, the
 * rest are frames split at NUL bytes. With bit 0 set, the frame after {@code <IDS|MSG>} is replaced
 * by the right HMAC, so the fuzzer reaches the JSON behind the signature check; without it, any
 * signature must be refused. A message decoded must be usable and survive encode then decode.
 */
class WireFramesFuzzTarget {
  private static final String KEY = "a0436f6c-1916-498b-8eb9-e81ab9368e84";
  private final MessageSigner signer = MessageSigner.of("hmac-sha256", KEY);
  private final WireCodec codec = new WireCodec(signer);

  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzInput in = FuzzInput.of(bytes, "frames");
    boolean signIt = bytes.length > 0 && (bytes[0] & 1) == 1;
    List<byte[]> frames = frames(bytes, signIt);
    List<String> rejected = new ArrayList<>();
    Optional<Message> message = codec.decode(frames, rejected::add);
    if (message.isEmpty() == rejected.isEmpty()) {
      throw new AssertionError(in + ": a message must be decoded or rejected with a reason");
    }
    message.ifPresent(m -> useAndReencode(in, m));
  }

  private void useAndReencode(FuzzInput in, Message m) {
    m.type();
    m.toString();
    m.reply("status", "session", m.content()).toString();
    Optional<Message> again = codec.decode(codec.encode(m), r -> {});
    if (again.isEmpty() || !again.get().header().equals(m.header())) {
      throw new AssertionError(in + ": a decoded message does not survive encode and decode");
    }
  }

  private List<byte[]> frames(byte[] bytes, boolean signIt) {
    List<byte[]> frames = new ArrayList<>();
    int start = Math.min(1, bytes.length);
    for (int i = start; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == 0) {
        frames.add(Arrays.copyOfRange(bytes, start, i));
        start = i + 1;
      }
    }
    int d = indexOf(frames, WireCodec.DELIMITER);
    if (signIt && d >= 0 && frames.size() >= d + 6) {
      frames.set(d + 1, signer.sign(frames.subList(d + 2, d + 6)).getBytes());
    }
    return frames;
  }

  private static int indexOf(List<byte[]> frames, byte[] frame) {
    for (int i = 0; i < frames.size(); i++) if (Arrays.equals(frames.get(i), frame)) return i;
    return -1;
  }
}
