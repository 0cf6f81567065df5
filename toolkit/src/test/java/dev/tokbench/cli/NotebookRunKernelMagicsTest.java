package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokbench.kernel.maven.MavenSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tokbench notebook run} knows the kernel's magics, so a notebook runs alike in both. */
class NotebookRunKernelMagicsTest {
  @TempDir Path dir;

  @Test
  void mavenAndTimeMagicsWorkInTheHeadlessRunner() throws Exception {
    // plexus-java 1.5.0 is what surefire 3.5.4 runs on, so the build has put it in the local repo
    Path jar =
        MavenSettings.fromEnvironment()
            .localRepository()
            .resolve("org/codehaus/plexus/plexus-java/1.5.0/plexus-java-1.5.0.jar");
    if (!Files.isRegularFile(jar)) {
      System.out.println("skipped: " + jar + " is not in the local repository");
    }
    assumeTrue(Files.isRegularFile(jar), jar + " is not in the local repository");
    Path nb = dir.resolve("maven.ipynb");
    Files.writeString(
        nb,
        "{\"cells\": ["
            + cell("a", "%maven org.codehaus.plexus:plexus-java:1.5.0")
            + ", "
            + cell("b", "%time new com.thoughtworks.qdox.JavaProjectBuilder().getSources().size()")
            + "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute("notebook", "run", "--in-place", nb.toString());
    assertThat(exit).as(err.toString()).isZero();
    String written = Files.readString(nb);
    assertThat(written).contains("Wall time: ").containsPattern("\"text/plain\": \\[\\s*\"0\"");
  }

  private static String cell(String id, String source) {
    return "{\"cell_type\": \"code\", \"execution_count\": null, \"id\": \""
        + id
        + "\", \"metadata\": {}, \"outputs\": [], \"source\": \""
        + source
        + "\"}";
  }
}
