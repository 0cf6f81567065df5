package dev.tokbench;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Copies of a record with components changed, through its canonical constructor, so a copy is
 * checked like any other value. One mechanism for every wide record, instead of a {@code with…}
 * method per component that lists all the others again:
 *
 * <ul>
 *   <li>{@code Records.with(shape, ModelShape::layers, 2)}, the component named by its accessor
 *       (where a record offers it, {@code shape.with(ModelShape::layers, 2)});
 *   <li>{@code Records.with(options, Map.of("inputLen", 512))}, components named as strings, for
 *       binders such as the command line.
 * </ul>
 *
 * <p>How an accessor names its component: it is a serializable method reference, and its serialized
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
    String name = referencedMethod(component);
    if (Arrays.stream(record.getClass().getRecordComponents()).noneMatch(c -> named(c, name))) {
      throw new IllegalArgumentException(
          name
              + " is not a component of "
              + record.getClass().getSimpleName()
              + ": pass its accessor");
    }
    Map<String, Object> one = new HashMap<>();
    one.put(name, value);
    return with(record, one);
  }

  /**
   * A copy of {@code record} with each component named in {@code values} set to its value.
   *
   * @throws IllegalArgumentException when a name is not a component, or a value is not valid
   */
  public static <R extends Record> R with(R record, Map<String, ?> values) {
    @SuppressWarnings("unchecked") // a record's class is Class<R>
    Class<R> type = (Class<R>) record.getClass();
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      String name = components[i].getName();
      args[i] = values.containsKey(name) ? values.get(name) : read(components[i], record);
    }
    for (String name : values.keySet()) {
      if (Arrays.stream(components).noneMatch(c -> named(c, name))) {
        throw new IllegalArgumentException(
            "no component "
                + name
                + " in "
                + type.getSimpleName()
                + "; it has "
                + Arrays.stream(components).map(RecordComponent::getName).toList());
      }
    }
    return type.cast(construct(type, types, args));
  }

  private static boolean named(RecordComponent c, String name) {
    return c.getName().equals(name);
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

  /** The value of {@code component} in {@code record}. */
  public static Object read(RecordComponent component, Record record) {
    try {
      Method accessor = component.getAccessor();
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
