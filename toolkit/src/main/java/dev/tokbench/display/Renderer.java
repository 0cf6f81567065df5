package dev.tokbench.display;

/**
 * Turns a value of one type into a {@link MimeBundle}. Register one for your own type with {@code
 * Display.register(MyType.class, v -> MimeBundle.text(...).with(MimeBundle.HTML, ...))}, or list it
 * as a {@link RendererProvider} service in a jar loaded with {@code %jars}.
 *
 * @param <T> the type rendered
 */
@FunctionalInterface
public interface Renderer<T> {
  MimeBundle render(T value);
}
