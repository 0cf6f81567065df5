package dev.tokbench.display;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Which renderer draws which type. One instance per evaluator (a notebook, a kernel), so a renderer
 * registered in one notebook never leaks into another. Lookup walks the value's class, then its
 * superclasses and interfaces, nearest first. Without a registered renderer, a value that renders
 * itself ({@link SelfRendering}: a public {@code html()} or {@code markdown()}) is shown that way;
 * records and collections of records fall back to the generic {@link RecordRenderer}; anything else
 * is {@code text/plain} of {@code toString()}.
 */
public final class Renderers {
  private final Map<Class<?>, Renderer<?>> byType = new LinkedHashMap<>();

  private Renderers() {}

  /** The built-in renderers: Tablesaw tables, XChart charts, Markdown, HTML, MIME bundles. */
  public static Renderers standard() {
    Renderers r = new Renderers();
    r.register(MimeBundle.class, b -> b);
    r.register(Table.class, new TableRenderer());
    r.register(Chart.class, chart -> new ChartRenderer().render(chart));
    r.register(Markdown.class, m -> MimeBundle.text(m.text()).with(MimeBundle.MARKDOWN, m.text()));
    r.register(Html.class, h -> MimeBundle.text(h.plain()).with(MimeBundle.HTML, h.html()));
    return r;
  }

  /**
   * Adds the renderers that jars visible to {@code loader} declare as {@link RendererProvider}
   * services; call it again after a jar was added.
   */
  public Renderers discover(ClassLoader loader) {
    for (RendererProvider provider : ServiceLoader.load(RendererProvider.class, loader)) {
      provider.registerInto(this);
    }
    return this;
  }

  /** Registers (or replaces) the renderer of a type and of its subtypes. */
  public synchronized <T> Renderers register(Class<T> type, Renderer<? super T> renderer) {
    byType.remove(type);
    byType.put(type, renderer);
    return this;
  }

  /** Renders a value with the most specific renderer registered for its type. */
  public MimeBundle render(Object value) {
    if (value == null) {
      return MimeBundle.text("null");
    }
    Renderer<Object> renderer = find(value.getClass());
    if (renderer != null) {
      return renderer.render(value);
    }
    MimeBundle own = SelfRendering.render(value);
    if (own != null) {
      return own;
    }
    if (value instanceof Record record) {
      return RecordRenderer.one(record);
    }
    if (value instanceof Collection<?> c && RecordRenderer.isRecordList(c)) {
      return RecordRenderer.many(c);
    }
    return MimeBundle.text(String.valueOf(value));
  }

  @SuppressWarnings("unchecked")
  private synchronized Renderer<Object> find(Class<?> type) {
    Deque<Class<?>> queue = new ArrayDeque<>();
    queue.add(type);
    while (!queue.isEmpty()) {
      Class<?> c = queue.poll();
      Renderer<?> r = byType.get(c);
      if (r != null) {
        return (Renderer<Object>) r;
      }
      if (c.getSuperclass() != null) {
        queue.add(c.getSuperclass());
      }
      queue.addAll(java.util.List.of(c.getInterfaces()));
    }
    return null;
  }

  @Override
  public synchronized String toString() {
    return "Renderers" + byType.keySet().stream().map(Class::getSimpleName).toList();
  }
}
