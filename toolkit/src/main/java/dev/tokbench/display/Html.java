package dev.tokbench.display;

import java.util.Objects;

/**
 * An HTML fragment to show as such; {@code toString()} is the plain-text fallback.
 *
 * @param html the fragment
 * @param plain what a plain-text front end shows
 */
record Html(String html, String plain) {
  public Html {
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(plain, "plain");
  }

  public static Html of(String html) {
    return new Html(html, html);
  }

  /** Escapes text for an HTML element body or attribute. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return plain;
  }
}
