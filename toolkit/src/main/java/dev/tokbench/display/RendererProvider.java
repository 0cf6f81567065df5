package dev.tokbench.display;

/**
 * A {@link java.util.ServiceLoader} service through which a jar contributes renderers: list the
 * implementation in {@code META-INF/services/dev.tokbench.display.RendererProvider}. It is looked
 * up through the class loader that loaded the cell's classes, so jars added at run time count.
 */
public interface RendererProvider {
  void registerInto(Renderers renderers);
}
