package dev.tokbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.notebook.Evaluator;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inspect (Shift-Tab) shows the signature and the javadoc summary of the symbol at the cursor. One
 * engine serves every test (a JShell takes seconds to start); none depends on another's cells.
 */
class InspectJavadocTest {
  @TempDir static Path dir;
  private static JShellCellEngine engine;

  @BeforeAll
  static void start() {
    engine = new JShellCellEngine(Evaluator.in(dir));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void toolkitMethodShowsItsJavadocSummaryFromTheSourcesInTheJar() {
    String doc = engine.inspect("Gguf.read(", 10).orElseThrow();
    assertThat(doc).contains("GgufFile Gguf.read(Path path)\n    Parses one GGUF file.");
  }

  @Test
  void toolkitTypeShowsItsJavadocSummary() {
    String doc = engine.inspect("Gguf", 4).orElseThrow();
    assertThat(doc)
        .startsWith("dev.tokbench.gguf.Gguf\n    Reads GGUF files: Gguf.read(path).summary().");
  }

  @Test
  void classFromAJarShowsJavadocFromTheSourcesJarBesideIt() throws Exception {
    String source =
        "package demo;\n"
            + "/** Says hello. */\n"
            + "public class Greeter {\n"
            + "  /** Greets {@code name} politely. Then more text. */\n"
            + "  public static String hello(String name) { return \"hi \" + name; }\n"
            + "  /** Greets twice. */\n"
            + "  public static String hello(String name, int times) { return name; }\n"
            + "}\n";
    Path jar = mavenStyleJarWithSources(source);
    assertThat(engine.run("%jars " + jar, new Silent()).error()).isEmpty();
    // compiled without -parameters, as most jars are: JShell shows the types only
    String doc = engine.inspect("demo.Greeter.hello(", 19).orElseThrow();
    assertThat(doc)
        .contains("String demo.Greeter.hello(String)\n    Greets name politely.")
        .contains("String demo.Greeter.hello(String, int)\n    Greets twice.");
  }

  @Test
  void jdkMethodShowsJavadocWhenTheJdkHasSources() {
    Path srcZip = Path.of(System.getProperty("java.home"), "lib", "src.zip");
    if (!Files.isRegularFile(srcZip)) {
      System.out.println("skipped: " + srcZip + " is absent (a JDK without sources)");
    }
    assumeTrue(Files.isRegularFile(srcZip), srcZip + " is absent");
    assertThat(engine.inspect("Math.max(", 9).orElseThrow())
        .contains("int Math.max(int a, int b)\n    Returns the greater of two int values.");
  }

  @Test
  void signatureWithoutSourcesIsShownAlone() {
    assertThat(engine.inspect("new StringBuilder(", 18).orElseThrow())
        .contains("StringBuilder(int capacity)");
  }

  /** {@code demo-1.0.jar} and {@code demo-1.0-sources.jar} side by side, as in ~/.m2. */
  private static Path mavenStyleJarWithSources(String source) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/demo")).resolve("Greeter.java");
    Files.writeString(src, source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int rc =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), src.toString());
    assertThat(rc).isZero();
    Path lib = Files.createDirectories(dir.resolve("repo/demo/1.0"));
    jar(
        lib.resolve("demo-1.0.jar"),
        "demo/Greeter.class",
        Files.readAllBytes(classes.resolve("demo/Greeter.class")));
    jar(lib.resolve("demo-1.0-sources.jar"), "demo/Greeter.java", source.getBytes());
    return lib.resolve("demo-1.0.jar");
  }

  private static void jar(Path jar, String entry, byte[] bytes) throws Exception {
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      zip.putNextEntry(new JarEntry(entry));
      zip.write(bytes);
      zip.closeEntry();
    }
  }

  private static final class Silent implements dev.tokbench.notebook.CellListener {
    @Override
    public void stdout(String text) {}

    @Override
    public void stderr(String text) {}

    @Override
    public void display(dev.tokbench.display.MimeBundle bundle) {}
  }
}
