package dev.tokbench;

/**
 * What a notebook cell's threads see (its display sink, its notebook's folder), held in inheritable
 * thread locals that the runner binds around each cell and restores after.
 */
public final class ThreadBindings {
  private ThreadBindings() {}

  /**
   * Binds {@code value} to this thread and to threads it starts from now on (null: unbinds), and
   * returns what was bound before, for the caller to bind again when done.
   */
  public static <T> T rebind(ThreadLocal<T> local, T value) {
    T previous = local.get();
    if (value == null) local.remove();
    else local.set(value);
    return previous;
  }
}
