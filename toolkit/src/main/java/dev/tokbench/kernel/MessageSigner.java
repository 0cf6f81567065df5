package dev.tokbench.kernel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies messages as the Jupyter wire protocol requires: "the HMAC digest of the
 * concatenation of header, parent_header, metadata and content", hex encoded. An empty key means
 * the connection is unauthenticated and the signature is the empty string.
 */
final class MessageSigner {
  private final Mac mac;

  private MessageSigner(Mac mac) {
    this.mac = mac;
  }

  /** A signer for {@code hmac-sha256} (or another {@code hmac-*} scheme) with the given key. */
  static MessageSigner of(String scheme, String key) {
    if (key.isEmpty()) {
      return new MessageSigner(null);
    }
    if (!scheme.startsWith("hmac-")) {
      throw new KernelSetupException("signature_scheme " + scheme + " is not hmac-<digest>");
    }
    String algorithm = "Hmac" + scheme.substring(5).toUpperCase(Locale.ROOT);
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return new MessageSigner(mac);
    } catch (GeneralSecurityException e) {
      throw new KernelSetupException("signature_scheme " + scheme + " is not supported: " + e);
    }
  }

  /** The hex signature of the four signed frames (header, parent header, metadata, content). */
  synchronized String sign(List<byte[]> signedFrames) {
    if (mac == null) {
      return "";
    }
    for (byte[] frame : signedFrames) {
      mac.update(frame);
    }
    return HexFormat.of().formatHex(mac.doFinal());
  }

  /** Whether {@code signature} is right for the frames; compared in constant time. */
  boolean verifies(byte[] signature, List<byte[]> signedFrames) {
    byte[] expected = sign(signedFrames).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature);
  }
}
