package dev.tokbench.cli;

import dev.tokbench.Described;
import dev.tokbench.Records;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's options made from an options record: one option per {@link Described} component,
 * named {@code --} and the component in kebab case (or as the annotation says), its help the
 * annotation's sentence and the record's default. What the command line gives is laid over the
 * defaults by {@link #value()}, so the record stays the one description of its options.
 *
 * @param <R> the options record
 */
final class RecordOptions<R extends Record> {
  private final R defaults;
  private final boolean showDefaults;
  private final Map<String, Object> given = new LinkedHashMap<>();

  private RecordOptions(R defaults, boolean showDefaults) {
    this.defaults = defaults;
    this.showDefaults = showDefaults;
  }

  /** A command whose options come (partly) from records: it adds them to its model. */
  interface Holder {
    void addOptions(CommandSpec spec);
  }

  /** Lets every {@link Holder} in the tree of {@code cl} add its options. */
  static void install(CommandLine cl) {
    if (cl.getCommand() instanceof Holder h) h.addOptions(cl.getCommandSpec());
    cl.getSubcommands().values().forEach(RecordOptions::install);
  }

  /** Adds an option to {@code spec} for every described component of {@code defaults}' record. */
  static <R extends Record> RecordOptions<R> addTo(CommandSpec spec, R defaults) {
    return addTo(spec, defaults, true);
  }

  /**
   * The same, the help showing the defaults or not (when they depend on other options, such as a
   * catalogue shape's sizes).
   */
  static <R extends Record> RecordOptions<R> addTo(
      CommandSpec spec, R defaults, boolean showDefaults) {
    RecordOptions<R> options = new RecordOptions<>(defaults, showDefaults);
    for (RecordComponent c : defaults.getClass().getRecordComponents()) {
      Described d = c.getAnnotation(Described.class);
      if (d != null) spec.addOption(options.option(c, d));
    }
    return options;
  }

  private OptionSpec option(RecordComponent c, Described d) {
    String[] names = d.names().length > 0 ? d.names() : new String[] {"--" + kebab(c.getName())};
    OptionSpec.Builder b =
        OptionSpec.builder(names)
            .type(boxed(c.getType()))
            .required(d.required())
            .paramLabel(d.label().isEmpty() ? "<" + c.getName() + ">" : d.label())
            .description(help(c, d))
            .setter(
                new picocli.CommandLine.Model.ISetter() {
                  @Override
                  @SuppressWarnings("unchecked")
                  public <T> T set(T value) {
                    // picocli resets every option to null before it parses: null is "not given"
                    return (T)
                        (value == null ? given.remove(c.getName()) : given.put(c.getName(), value));
                  }
                });
    if (!d.arity().isEmpty()) b.arity(d.arity());
    return b.build();
  }

  /** The annotation's sentence with the record's default: {@code Prompt tokens (default: 32).} */
  private String help(RecordComponent c, Described d) {
    if (!showDefaults || d.required()) return d.value();
    Object dflt = Records.read(c, defaults);
    String sentence =
        d.value().endsWith(".") ? d.value().substring(0, d.value().length() - 1) : d.value();
    if (dflt == null)
      return d.unset().isEmpty() ? d.value() : sentence + " (default: " + d.unset() + ").";
    if (Boolean.FALSE.equals(dflt) && d.arity().isEmpty()) return d.value();
    return sentence + " (default: " + dflt + ").";
  }

  /** Boxed, so that an option the command line did not give stays null, not 0 or false. */
  private static Class<?> boxed(Class<?> type) {
    if (type == int.class) return Integer.class;
    if (type == long.class) return Long.class;
    if (type == boolean.class) return Boolean.class;
    if (type == double.class) return Double.class;
    return type;
  }

  private static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /** The value the command line gave for {@code component}, or null. */
  Object givenValue(String component) {
    return given.get(component);
  }

  /** The names of the components the command line gave. */
  Set<String> given() {
    return given.keySet();
  }

  /** The record: its defaults, with every option the command line gave. */
  R value() {
    return Records.with(defaults, given);
  }

  /** The record built over other defaults (a catalogue shape, say), with what was given. */
  R over(R base) {
    return Records.with(base, given);
  }
}
