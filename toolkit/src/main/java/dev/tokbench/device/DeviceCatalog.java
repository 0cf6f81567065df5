package dev.tokbench.device;

import dev.tokbench.TidyCsv;
import dev.tokbench.bandwidth.Bandwidth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Devices with their theoretical memory bandwidth, each with its source. The built-in list is
 * {@code data/devices.csv} of the repository (bundled into the jar); users add their own file of
 * the same columns with {@link #with}.
 *
 * <pre>{@code
 * DeviceCatalog.builtin().find("NVIDIA H100 80GB HBM3").theoretical()   // 3350.0 GB/s
 * }</pre>
 *
 * @param devices the devices, in file order
 */
public record DeviceCatalog(List<Device> devices) {
  /** The columns a catalogue file must have. */
  public static final List<String> COLUMNS =
      List.of(
          "name",
          "aliases",
          "memory_gb",
          "memory_type",
          "theoretical_bandwidth_gb_per_s",
          "peak_fp16_dense_tflops",
          "source");

  /** The columns a catalogue file cannot do without; the others may be left out. */
  public static final List<String> REQUIRED =
      List.of("name", "theoretical_bandwidth_gb_per_s", "source");

  private static final String RESOURCE = "/dev/tokbench/device/devices.csv";

  public DeviceCatalog {
    devices = List.copyOf(devices);
  }

  /** The catalogue shipped with tokbench. */
  public static DeviceCatalog builtin() {
    try (InputStream in = DeviceCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return of(TidyCsv.parse(text, "devices.csv (built in)", COLUMNS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A catalogue file with the columns {@code tokbench device --list} prints ({@link #COLUMNS}); of
   * those, only {@link #REQUIRED} must be there.
   */
  public static DeviceCatalog read(Path file) {
    return of(TidyCsv.read(file, REQUIRED));
  }

  private static DeviceCatalog of(TidyCsv csv) {
    List<Device> out = new ArrayList<>();
    for (TidyCsv.Row r : csv.rows()) out.add(device(r));
    return new DeviceCatalog(out);
  }

  private static Device device(TidyCsv.Row r) {
    try {
      String alias = optional(r, "aliases");
      List<String> aliases = alias.isEmpty() ? List.of() : Arrays.asList(alias.split(";"));
      return new Device(
          r.required("name"),
          aliases.stream().map(String::trim).toList(),
          optional(r, "memory_gb").isEmpty() ? Double.NaN : r.number("memory_gb"),
          optional(r, "memory_type"),
          Bandwidth.gbPerS(r.number("theoretical_bandwidth_gb_per_s")),
          optional(r, "peak_fp16_dense_tflops").isEmpty()
              ? Double.NaN
              : r.number("peak_fp16_dense_tflops"),
          r.required("source"));
    } catch (IllegalArgumentException e) {
      throw r.error(e.getMessage());
    }
  }

  /** A column the file may leave out: its cell, or empty when the file has no such column. */
  private static String optional(TidyCsv.Row r, String column) {
    return r.cells().containsKey(column) ? r.text(column) : "";
  }

  /** The catalogue as a CSV file of {@link #COLUMNS}, which {@link #read} reads back. */
  public String csv() {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Device d : devices) {
      List<String> cells =
          List.of(
              d.name(),
              String.join(";", d.aliases()),
              number(d.memoryGb()),
              d.memoryType(),
              number(d.theoretical().gbPerS()),
              number(d.peakFp16DenseTflops()),
              d.source());
      out.append(cells.stream().map(DeviceCatalog::cell).collect(Collectors.joining(",")));
      out.append('\n');
    }
    return out.toString();
  }

  private static String number(double v) {
    if (Double.isNaN(v)) return "";
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String cell(String s) {
    boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n");
    return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /** This catalogue followed by {@code more}; a later device with the same name wins. */
  public DeviceCatalog with(DeviceCatalog more) {
    List<Device> out = new ArrayList<>(devices);
    out.removeIf(d -> more.devices.stream().anyMatch(m -> m.name().equalsIgnoreCase(d.name())));
    out.addAll(more.devices);
    return new DeviceCatalog(out);
  }

  /**
   * The device with this name or alias.
   *
   * @throws UnknownDeviceException naming the devices whose names share a word with {@code name}
   */
  public Device find(String name) {
    for (int i = devices.size() - 1; i >= 0; i--) {
      if (devices.get(i).matches(name)) return devices.get(i);
    }
    throw new UnknownDeviceException(
        "unknown device '" + name + "'; did you mean one of " + similar(name) + "?");
  }

  /** The first device that one of {@code names} is the name or an alias of. */
  public Optional<Device> match(List<String> names) {
    for (String n : names) {
      for (Device d : devices) if (d.matches(n)) return Optional.of(d);
    }
    return Optional.empty();
  }

  /** The catalogue's entry for the machine {@link Machine#describe()} described, if it has one. */
  public Optional<Device> identify(Map<String, String> machine) {
    return match(Accelerators.names(machine));
  }

  private List<String> similar(String name) {
    List<String> words =
        Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
            .filter(w -> w.length() > 1)
            .toList();
    List<String> close =
        devices.stream()
            .map(Device::name)
            .filter(n -> words.stream().anyMatch(w -> n.toLowerCase(Locale.ROOT).contains(w)))
            .collect(Collectors.toList());
    return close.isEmpty() ? devices.stream().map(Device::name).toList() : close;
  }

  @Override
  public String toString() {
    return "DeviceCatalog[" + devices.size() + " devices]";
  }
}
