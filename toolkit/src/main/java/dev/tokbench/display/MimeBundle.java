package dev.tokbench.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A value rendered for a notebook: MIME type to content, in the order a front end should prefer
 * them last-to-first (Jupyter picks the richest it can show). Binary types such as {@code
 * image/png} hold base64 text, as nbformat stores them. {@code text/plain} is always present.
 *
 * @param data MIME type to content
 */
public record MimeBundle(Map<String, String> data) {
  public static final String TEXT = "text/plain";
  public static final String HTML = "text/html";
  public static final String MARKDOWN = "text/markdown";
  public static final String PNG = "image/png";
  public static final String SVG = "image/svg+xml";

  public MimeBundle {
    Objects.requireNonNull(data, "data");
    if (!data.containsKey(TEXT)) {
      throw new IllegalArgumentException("a MIME bundle needs text/plain; got " + data.keySet());
    }
    data.forEach((k, v) -> Objects.requireNonNull(v, () -> "content of " + k));
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /** A bundle with only {@code text/plain}. */
  public static MimeBundle text(String plain) {
    return new MimeBundle(Map.of(TEXT, plain));
  }

  /** This bundle with one more representation (replacing one of the same type). */
  public MimeBundle with(String mimeType, String content) {
    Map<String, String> copy = new LinkedHashMap<>(data);
    copy.put(mimeType, content);
    return new MimeBundle(copy);
  }

  /** The content of one type, or null when absent. */
  public String get(String mimeType) {
    return data.get(mimeType);
  }

  public String plain() {
    return data.get(TEXT);
  }

  @Override
  public String toString() {
    return "MimeBundle" + data.keySet();
  }
}
