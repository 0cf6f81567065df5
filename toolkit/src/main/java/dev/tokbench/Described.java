package dev.tokbench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a component of an options record means, so that the record is the one description of its
 * options: the command line builds its options (names, help, defaults) from the record's annotated
 * components, and sweep files bind the same components by name. On the record itself it describes
 * the framework's {@code tokbench run} command.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Described {
  /**
   * What it is, as a sentence; the help adds the record's default. On an options record itself:
   * what its framework's {@code run} command does.
   */
  String value();

  /** On an options record: more paragraphs of the command's help, such as its exit status. */
  String[] more() default {};

  /** On an options record: an example command line, one line per element. */
  String[] example() default {};

  /** The command-line names, when not {@code --} and the component's name in kebab case. */
  String[] names() default {};

  /** The value's name in the usage line, such as {@code FILE}; by default the component's. */
  String label() default "";

  /** What an unset (null) default means, for the help: {@code a temporary file}. */
  String unset() default "";

  /** The number of values the option takes, when not picocli's default for the type. */
  String arity() default "";

  /** True when the command line must give it. */
  boolean required() default false;
}
