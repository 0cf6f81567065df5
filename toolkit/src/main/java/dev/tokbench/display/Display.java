package dev.tokbench.display;

import dev.tokbench.ThreadBindings;
import java.util.Objects;
import java.util.function.Consumer;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What a notebook cell calls to show things: {@code display(table)} shows a value mid-cell, {@code
 * Display.markdown("**bold**")} makes Markdown, {@code Display.register(Foo.class, renderer)}
 * teaches the notebook a new type. Cells see {@code display} through a static import.
 *
 * <p>Where a shown value goes depends on the thread: an evaluator {@link #bind binds} a {@link
 * Context} to the thread that runs a cell, and threads the cell starts inherit it. Outside a
 * notebook (plain JShell, a test) {@code display} prints the plain text to {@code System.out}.
 */
public final class Display {
  private static final InheritableThreadLocal<Context> CURRENT = new InheritableThreadLocal<>();
  private static final Renderers FALLBACK = Renderers.standard();

  private Display() {}

  /**
   * Where displayed values of one evaluator go.
   *
   * @param renderers the evaluator's renderers
   * @param sink receives each displayed bundle
   */
  public record Context(Renderers renderers, Consumer<MimeBundle> sink) {
    public Context {
      Objects.requireNonNull(renderers, "renderers");
      Objects.requireNonNull(sink, "sink");
    }
  }

  /** Binds a context to this thread and to threads it starts from now on; returns the previous. */
  public static Context bind(Context context) {
    return ThreadBindings.rebind(CURRENT, context);
  }

  /** Shows a value now, in the cell that is running (or on {@code System.out} outside one). */
  public static void display(Object value) {
    Context context = CURRENT.get();
    if (context == null) {
      System.out.println(FALLBACK.render(value).plain());
    } else {
      context.sink().accept(context.renderers().render(value));
    }
  }

  /** Renders a value as the running notebook would, without showing it. */
  public static MimeBundle render(Object value) {
    return renderers().render(value);
  }

  /** Registers a renderer in the running notebook (replacing one for the same type). */
  public static <T> void register(Class<T> type, Renderer<? super T> renderer) {
    renderers().register(type, renderer);
  }

  public static Markdown markdown(String text) {
    return Markdown.of(text);
  }

  public static Html html(String html) {
    return Html.of(html);
  }

  /** A chart as SVG (with a plain-text description) instead of the default PNG. */
  public static MimeBundle svg(Chart<?, ?> chart) {
    return ChartRenderer.svg(chart);
  }

  private static Renderers renderers() {
    Context context = CURRENT.get();
    return context == null ? FALLBACK : context.renderers();
  }
}
