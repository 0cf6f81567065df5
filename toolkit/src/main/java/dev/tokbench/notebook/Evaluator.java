package dev.tokbench.notebook;

import dev.tokbench.display.Display;
import dev.tokbench.display.MimeBundle;
import dev.tokbench.display.Renderers;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Evaluates notebook cells with JShell, in this JVM, so that results are real objects rendered as
 * MIME bundles: {@code try (var ev = Evaluator.create()) { ev.eval("1 + 1").value() }}. One
 * evaluator per notebook; its cells share declarations. A cell may hold several snippets and line
 * magics ({@code %jars lib.jar}); its result is the value of the last expression, unless that ends
 * with a semicolon. Compile errors point at the cell's line and column. {@link #stop} (another
 * thread) ends the running cell, even a tight loop; {@code System.exit} in a cell fails the cell
 * instead of the JVM.
 */
public final class Evaluator implements AutoCloseable {
  /**
   * Imports every cell sees: the JDK's collections, paths and streams, Tablesaw and XChart, and the
   * toolkit's entry points (each package's facade, not every type in it). Those of toolkit packages
   * not (yet) present are skipped.
   */
  public static final List<String> DEFAULT_IMPORTS =
      List.of(
          "java.util.*",
          "java.util.stream.*",
          "java.nio.file.*",
          "java.time.Duration",
          "tech.tablesaw.api.*",
          "org.knowm.xchart.*",
          "org.knowm.xchart.style.*",
          "dev.tokbench.display.Display",
          "dev.tokbench.display.MimeBundle",
          "static dev.tokbench.display.Display.display",
          "dev.tokbench.notebook.Notebook",
          "dev.tokbench.gguf.Gguf",
          "dev.tokbench.gguf.GgmlType",
          "dev.tokbench.gguf.quant.Quantizer",
          "dev.tokbench.bandwidth.Bandwidth",
          "dev.tokbench.bandwidth.Bytes",
          "dev.tokbench.bandwidth.DecodeCeiling",
          "dev.tokbench.bandwidth.KvCache",
          "dev.tokbench.device.DeviceCatalog",
          "dev.tokbench.device.Machine",
          "dev.tokbench.results.BenchResult",
          "dev.tokbench.results.Comparison",
          "dev.tokbench.results.FlashAttention",
          "dev.tokbench.results.ResultsCsv",
          "dev.tokbench.results.ResultsFile",
          "dev.tokbench.results.Status",
          "dev.tokbench.tables.BenchTable",
          "dev.tokbench.tables.Tables",
          "dev.tokbench.formats.Import",
          "dev.tokbench.run.RunResult",
          "dev.tokbench.run.llamacpp.LlamaBench",
          "dev.tokbench.run.llamacpp.embedded.EmbeddedLlama",
          "dev.tokbench.run.tinygrad.Tinygrad",
          "dev.tokbench.run.vllm.Vllm",
          "dev.tokbench.run.mlc.MlcLlm",
          "dev.tokbench.sweep.Sweep",
          "dev.tokbench.sweep.SweepFile",
          "dev.tokbench.report.Report",
          "dev.tokbench.report.Compare",
          "dev.tokbench.report.Charts",
          "dev.tokbench.report.Verdict",
          "dev.tokbench.synth.Synth");

  private final JShell jshell;
  private final CellControl control;
  private final Path workingDirectory;
  private final Renderers renderers;
  private final Magics magics = new Magics();
  private final Set<Path> classpath = new LinkedHashSet<>();
  private final Map<String, SnippetPlace> places = new ConcurrentHashMap<>();
  private final Stopper stopper;
  private int cellNumber;

  private Evaluator(Path workingDirectory, Renderers renderers, List<String> imports) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.renderers = renderers;
    CellOutput.install();
    quietLogging();
    CellControl.Provider provider = new CellControl.Provider();
    this.jshell = JShell.builder().executionEngine(provider, Map.of()).build();
    this.control = provider.control();
    this.stopper = new Stopper(jshell);
    hostClasspath().forEach(this::addToClasspath);
    for (String imp : imports) {
      jshell.eval("import " + imp + ";"); // a package that does not exist is rejected: skipped
    }
  }

  /** An evaluator for cells whose relative paths start at the working directory. */
  public static Evaluator create() {
    return in(Path.of(""));
  }

  /** An evaluator for a notebook in {@code dir}: magics and {@link Notebook#dir} resolve there. */
  public static Evaluator in(Path dir) {
    return new Evaluator(dir, Renderers.standard(), DEFAULT_IMPORTS);
  }

  /** An evaluator with your own renderers and imports. */
  public static Evaluator of(Path dir, Renderers renderers, List<String> imports) {
    return new Evaluator(dir, Objects.requireNonNull(renderers), List.copyOf(imports));
  }

  /** Evaluates a cell, discarding its streamed output. */
  public CellResult eval(String cell) {
    return eval(cell, CellListener.NONE, null);
  }

  public CellResult eval(String cell, CellListener listener) {
    return eval(cell, listener, null);
  }

  /**
   * Evaluates a cell; output streams to {@code listener} while it runs. A cell that runs past
   * {@code timeout} (null: no limit) is stopped and fails with {@link CellError.Kind#TIMEOUT}.
   */
  public synchronized CellResult eval(String cell, CellListener listener, Duration timeout) {
    cellNumber++;
    CellOutput output = new CellOutput(listener::stdout, listener::stderr);
    Display.Context display =
        new Display.Context(
            renderers,
            bundle -> {
              output.flush(); // text printed before display(x) comes before it
              CellOutput.delivering(() -> listener.display(bundle));
            });
    CellOutput previousOutput = output.bind();
    Display.Context previousDisplay = Display.bind(display);
    Path previousDir = Notebook.bind(workingDirectory);
    stopper.cellStarted(timeout);
    try {
      CellResult result = evalCode(cell, listener);
      return stopper.reason().map(CellResult::failed).orElse(result);
    } finally {
      stopper.cellEnded();
      output.flush();
      CellOutput.restore(previousOutput);
      Display.bind(previousDisplay);
      Notebook.bind(previousDir);
    }
  }

  /** Runs code within the cell under way (used by {@code %load} and the kernel's {@code %time}). */
  public CellResult evalCode(String code, CellListener listener) {
    return new CellRun(this, code, listener).run();
  }

  /** Stops the running cell (from another thread); it fails with {@link CellError.Kind#STOPPED}. */
  public void stop() {
    stopper.stop();
  }

  /** Adds a jar or class directory for the compiler and the cells' class loader. */
  public synchronized void addToClasspath(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    if (classpath.add(abs)) {
      jshell.addToClasspath(abs.toString());
    }
  }

  /** The jars and directories added to the cells' class path so far, host's first. */
  public synchronized List<Path> classpath() {
    return List.copyOf(classpath);
  }

  /** Completion, documentation and completeness of snippets, for a kernel. */
  public SourceCodeAnalysis analysis() {
    return jshell.sourceCodeAnalysis();
  }

  public JShell jshell() {
    return jshell;
  }

  public Magics magics() {
    return magics;
  }

  public Path workingDirectory() {
    return workingDirectory;
  }

  /** Renders a value with this evaluator's renderers. */
  public MimeBundle render(Object value) {
    return renderers.render(value);
  }

  @Override
  public void close() {
    stopper.close();
    jshell.close();
  }

  @Override
  public String toString() {
    return "Evaluator[" + workingDirectory + ", " + cellNumber + " cells]";
  }

  /**
   * Whether the running cell has been asked to stop (interrupt or timeout): a magic that waits
   * outside JShell, where {@link #stop} cannot reach, polls this to give up.
   */
  public boolean stopping() {
    return stopper.stopping();
  }

  CellControl control() {
    return control;
  }

  int cellNumber() {
    return cellNumber;
  }

  /** Where each snippet came from, so stack traces name the cell and line. */
  Map<String, SnippetPlace> places() {
    return places;
  }

  /** Where a snippet's first line is: which cell (1-based) and which line of it. */
  record SnippetPlace(int cell, int line) {}

  /**
   * Tablesaw logs through SLF4J, which warns once per JVM that it has no provider. Were that first
   * use inside a cell, the warning would land in whichever notebook ran first; so silence it and
   * initialise SLF4J here, outside any cell.
   */
  private static void quietLogging() {
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    try {
      Class.forName("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
    } catch (ReflectiveOperationException | LinkageError e) {
      // no SLF4J on the class path: nothing to silence
    }
  }

  /**
   * The host's class path as the compiler needs it: {@code java.class.path} plus the code sources
   * of the toolkit and its display dependencies (under a test runner or a shaded jar the first may
   * not list them).
   */
  private static Set<Path> hostClasspath() {
    Set<Path> paths = new LinkedHashSet<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        paths.add(Path.of(entry));
      }
    }
    for (Class<?> c :
        List.of(Evaluator.class, tech.tablesaw.api.Table.class, org.knowm.xchart.XYChart.class)) {
      try {
        var source = c.getProtectionDomain().getCodeSource();
        if (source != null) {
          paths.add(Path.of(source.getLocation().toURI()));
        }
      } catch (URISyntaxException | SecurityException e) {
        // not a file location; java.class.path will have to do
      }
    }
    return paths;
  }
}
