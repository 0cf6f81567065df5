package dev.tokbench.display;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Values that know how to show themselves, found by convention rather than by a dependency on their
 * package (the toolkit's report tables have {@code html()}, text charts {@code markdown()}): a
 * public no-argument {@code html()} returning a String becomes {@code text/html}, else such a
 * {@code markdown()} becomes {@code text/markdown}; {@code toString()} is the plain text.
 */
final class SelfRendering {
  private SelfRendering() {}

  /** The value's own rendering, or null when it has none. */
  static MimeBundle render(Object value) {
    String html = call(value, "html");
    if (html != null) {
      return MimeBundle.text(String.valueOf(value)).with(MimeBundle.HTML, html);
    }
    String markdown = call(value, "markdown");
    if (markdown != null) {
      return MimeBundle.text(String.valueOf(value)).with(MimeBundle.MARKDOWN, markdown);
    }
    return null;
  }

  private static String call(Object value, String name) {
    try {
      Method m = value.getClass().getMethod(name);
      if (m.getReturnType() != String.class || Modifier.isStatic(m.getModifiers())) {
        return null;
      }
      m.setAccessible(true); // public method of a class that may not be public (a cell's)
      return (String) m.invoke(value);
    } catch (NoSuchMethodException e) {
      return null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot render " + value.getClass().getName() + " with its " + name + "(): " + e, e);
    }
  }
}
