package dev.tokbench.kernel;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.tokbench.Records;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Jupyter kernelspec for the tokbench kernel: {@code kernel.json} (with {@code interrupt_mode:
 * message}, so an interrupt is a message rather than a signal), two logos, and the toolkit jar
 * copied next to them and referenced through {@code {resource_dir}}, so notebooks see the toolkit
 * with or without a {@code %jars} line.
 *
 * <pre>{@code Kernelspec.forToolkit().withName("tokbench").writeTo(dir)}</pre>
 *
 * @see <a href="https://jupyter-client.readthedocs.io/en/stable/kernels.html#kernel-specs">kernel
 *     specs</a>
 */
public record Kernelspec(
    String name,
    String displayName,
    String javaCommand,
    List<Path> classPath,
    List<String> jvmOptions) {
  /** The display name Jupyter shows in its kernel picker. */
  public static final String DISPLAY_NAME = "Java (tokbench)";

  /** Options that make the kernel start fast and draw charts without a display. */
  public static final List<String> DEFAULT_JVM_OPTIONS =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

  /** Kernel names are directory names: "ASCII letters, numbers, and the simple separators". */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

  // not dev.tokbench.cli.Main kernel launch: see KernelLauncher.main
  private static final String MAIN = "dev.tokbench.kernel.KernelLauncher";

  public Kernelspec {
    if (!NAME.matcher(name).matches()) {
      throw new KernelSetupException(
          "kernel name \"" + name + "\" may hold only letters, digits, '.', '_' and '-'");
    }
    if (classPath.isEmpty()) {
      throw new IllegalArgumentException("the kernel's class path is empty");
    }
    classPath = List.copyOf(classPath);
    jvmOptions = List.copyOf(jvmOptions);
  }

  /** A spec named {@code tokbench} that runs the toolkit this JVM was started from. */
  public static Kernelspec forToolkit() {
    return new Kernelspec(
        "tokbench", DISPLAY_NAME, currentJava(), currentClassPath(), DEFAULT_JVM_OPTIONS);
  }

  /** This spec under another name, for a second kernel beside the first. */
  public Kernelspec withName(String newName) {
    return Records.with(this, Kernelspec::name, newName);
  }

  /** Adds JVM options (e.g. {@code -Xmx8g}) after the defaults. */
  public Kernelspec withJvmOptions(List<String> extra) {
    List<String> all = new ArrayList<>(jvmOptions);
    all.addAll(extra);
    return Records.with(this, Kernelspec::jvmOptions, all);
  }

  /**
   * Writes the spec into {@code dir} (created if needed) and returns it. A class path of one jar
   * (the shaded toolkit jar, as installed from {@code scripts/tokbench}) is copied in, so the spec
   * keeps working after the build tree changes; a development class path of many entries is
   * referenced where it lies.
   */
  public Path writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      List<String> cp = new ArrayList<>();
      boolean copy = classPath.size() == 1;
      for (Path entry : classPath) {
        cp.add(copy ? copyJar(entry, dir) : entry.toAbsolutePath().toString());
      }
      copyLogo(dir, "logo-32x32.png");
      copyLogo(dir, "logo-64x64.png");
      String json =
          new GsonBuilder()
              .setPrettyPrinting()
              .disableHtmlEscaping()
              .create()
              .toJson(kernelJson(cp));
      Files.writeString(dir.resolve("kernel.json"), json + "\n", StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code argv} Jupyter runs, with {@code {connection_file}} left for it to fill in. */
  List<String> argv(List<String> cp) {
    List<String> argv = new ArrayList<>();
    argv.add(javaCommand);
    argv.addAll(jvmOptions);
    argv.add("-cp");
    argv.add(String.join(File.pathSeparator, cp));
    argv.addAll(List.of(MAIN, "{connection_file}"));
    return argv;
  }

  private JsonObject kernelJson(List<String> cp) {
    JsonArray argv = new JsonArray();
    argv(cp).forEach(argv::add);
    JsonObject env = new JsonObject();
    // lets a notebook (or a user's shell) see which kernelspec started it
    Map.of("TOKBENCH_KERNEL", name).forEach(env::addProperty);
    JsonObject spec = new JsonObject();
    spec.add("argv", argv);
    spec.addProperty("display_name", displayName);
    spec.addProperty("language", "java");
    spec.addProperty("interrupt_mode", "message");
    spec.add("env", env);
    spec.add("metadata", new JsonObject());
    return spec;
  }

  private static String copyJar(Path entry, Path dir) throws IOException {
    if (Files.isDirectory(entry)) {
      return entry.toAbsolutePath().toString();
    }
    Files.copy(entry, dir.resolve(entry.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    return "{resource_dir}" + "/" + entry.getFileName();
  }

  private static void copyLogo(Path dir, String file) throws IOException {
    try (InputStream logo = Kernelspec.class.getResourceAsStream(file)) {
      Files.copy(logo, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String currentJava() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static List<Path> currentClassPath() {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Paths.get(entry).toAbsolutePath());
      }
    }
    return entries;
  }

  @Override
  public String toString() {
    return "Kernelspec[" + name + ", " + classPath.size() + " class path entries]";
  }
}
