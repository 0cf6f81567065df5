package dev.tokbench;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.function.Function;

/**
 * Copies of a record with one component changed, the component named by its accessor: {@code
 * Records.with(shape, ModelShape::layers, 2)}, or {@code shape.with(ModelShape::layers, 2)} where
 * the record offers it. The copy goes through the canonical constructor, so it is checked like any
 * other value. One mechanism for every wide record, instead of a {@code with…} method per component
 * that lists all the others again.
 *
 * <p>How the name is found: the accessor is a serializable method reference, and its serialized
 * form names the method it refers to. A lambda ({@code s -> s.layers()}) names a synthetic method
 * instead and is refused.
 */
public final class Records {
  private Records() {}

  /**
   * A record component's accessor as a method reference, such as {@code ModelShape::layers}.
   *
   * @param <R> the record
   * @param <T> the component's type (boxed for primitives)
   */
  @FunctionalInterface
  public interface Component<R extends Record, T> extends Function<R, T>, Serializable {}

  /**
   * A copy of {@code record} whose {@code component} is {@code value}.
   *
   * @throws IllegalArgumentException when {@code component} is not an accessor method reference of
   *     {@code record}'s class, or the new value is not valid (from the record's constructor)
   */
  public static <R extends Record, T> R with(R record, Component<R, T> component, T value) {
    @SuppressWarnings("unchecked") // a record's class is Class<R>
    Class<R> type = (Class<R>) record.getClass();
    String name = referencedMethod(component);
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    boolean found = false;
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      boolean target = components[i].getName().equals(name);
      found |= target;
      args[i] = target ? value : read(components[i].getAccessor(), record);
    }
    if (!found) {
      throw new IllegalArgumentException(
          name + " is not a component of " + type.getSimpleName() + ": pass its accessor");
    }
    return type.cast(construct(type, types, args));
  }

  /** The name of the method a serializable method reference refers to. */
  private static String referencedMethod(Serializable reference) {
    try {
      Method writeReplace = reference.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      SerializedLambda form = (SerializedLambda) writeReplace.invoke(reference);
      return form.getImplMethodName();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(
          "a record component is named by its accessor, e.g. ModelShape::layers", e);
    }
  }

  private static Object read(Method accessor, Object record) {
    try {
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw unwrap(e);
    }
  }

  private static Object construct(Class<?> type, Class<?>[] types, Object[] args) {
    try {
      Constructor<?> c = type.getDeclaredConstructor(types);
      c.setAccessible(true);
      return c.newInstance(args);
    } catch (InvocationTargetException e) {
      throw unwrap(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + type.getName(), e);
    }
  }

  private static RuntimeException unwrap(InvocationTargetException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) throw r;
    if (cause instanceof Error err) throw err;
    return new IllegalStateException(cause);
  }
}
