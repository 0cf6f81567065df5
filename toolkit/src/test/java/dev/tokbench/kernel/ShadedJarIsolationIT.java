package dev.tokbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users install it: a notebook that {@code %maven}s other versions of the
 * kernel's own libraries (gson, Jackson, slf4j, Maven Resolver) gets its versions in its cells,
 * while the kernel and the toolkit keep theirs (relocated under {@code dev.tokbench.shaded}), and
 * Tablesaw still renders by its real name. Runs after {@code package} (failsafe), through a real
 * {@code jupyter_client}.
 */
class ShadedJarIsolationIT {
  private static final List<String> CHECKS =
      List.of(
          "maven_resolves",
          "gson_from_the_notebooks_version",
          "jackson_from_the_notebooks_version",
          "slf4j_from_the_notebooks_version",
          "resolver_from_the_notebooks_version",
          "user_gson_works",
          "user_jackson_works",
          "toolkit_jackson_still_works",
          "tablesaw_renders_html");

  @Test
  void notebooksMavenVersionsWinInCellsWhileTheToolkitKeepsItsOwn(@TempDir Path dir)
      throws Exception {
    Path jar = Path.of("target/tokbench-toolkit-all.jar").toAbsolutePath();
    assumeTrue(Files.isRegularFile(jar), "no shaded jar at " + jar + ": run mvn package first");
    RealJupyter.require("jupyter_client");
    Path jupyterPath = dir.resolve("jupyter");
    Kernelspec spec = Kernelspec.forToolkit().withName("tokbench-shaded");
    new Kernelspec(
            spec.name(), spec.displayName(), spec.javaCommand(), List.of(jar), spec.jvmOptions())
        .writeTo(jupyterPath.resolve("kernels/tokbench-shaded"));
    Path script = dir.resolve("drive_isolation.py");
    try (var in = getClass().getResourceAsStream("drive_isolation.py")) {
      Files.copy(in, script);
    }
    Path notebook = Path.of("../notebooks/00-quick-start.ipynb").toAbsolutePath();
    RealJupyter.Result result =
        RealJupyter.run(
            List.of(
                RealJupyter.PYTHON,
                "-u",
                script.toString(),
                "tokbench-shaded",
                notebook.normalize().toString()),
            Map.of("JUPYTER_PATH", jupyterPath.toString()),
            300);
    System.out.println(result.output());
    for (String check : CHECKS) {
      assertThat(result.output()).as(result.output()).contains("PASS " + check + "\n");
    }
    assertThat(result.exitCode()).as(result.output()).isZero();
  }
}
