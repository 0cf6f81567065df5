package dev.tokbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel as Jupyter front ends see it: a real {@code jupyter_client} launches it from a
 * kernelspec and drives it over ZeroMQ ({@code drive_kernel.py} says what each check sends).
 */
class KernelDrivenByJupyterClientTest {
  private static final List<String> CHECKS =
      List.of(
          "kernel_info",
          "execute_result",
          "execution_count",
          "streams_while_running",
          "time_magic",
          "display_mid_cell",
          "background_thread_outlives_its_cell",
          "background_output_to_its_cell",
          "complete",
          "complete_magic",
          "is_complete",
          "inspect",
          "inspect_javadoc",
          "history",
          "interrupt_tight_loop",
          "interrupt_sleep",
          "usable_after_interrupt",
          "compile_error_names_cell_line",
          "exception_error",
          "system_exit_fails_cell",
          "alive_after_system_exit",
          "bad_signature_gets_no_reply",
          "unsigned_gets_no_reply",
          "forged_messages_not_executed",
          "clean_shutdown");

  @Test
  void jupyterClientExecutesCompletesInterruptsAndIgnoresForgedMessages(@TempDir Path dir)
      throws Exception {
    RealJupyter.require("jupyter_client");
    Path jupyterPath = RealJupyter.kernelspecs(dir.resolve("jupyter"), "tokbench-test");
    Path script = dir.resolve("drive_kernel.py");
    try (var in = getClass().getResourceAsStream("drive_kernel.py")) {
      Files.copy(in, script);
    }
    RealJupyter.Result result =
        RealJupyter.run(
            List.of(RealJupyter.PYTHON, "-u", script.toString(), "tokbench-test"),
            Map.of("JUPYTER_PATH", jupyterPath.toString()),
            240);
    System.out.println(result.output());
    assertThat(result.output()).doesNotContain("FAIL");
    for (String check : CHECKS) {
      assertThat(result.output()).as(result.output()).contains("PASS " + check + "\n");
    }
    assertThat(result.exitCode()).as(result.output()).isZero();
  }
}
