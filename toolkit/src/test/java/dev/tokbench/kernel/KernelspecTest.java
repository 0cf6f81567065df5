package dev.tokbench.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelspecTest {
  @Test
  void singleJarIsCopiedAndReferencedThroughResourceDir(@TempDir Path tmp) throws Exception {
    Path jar = Files.writeString(tmp.resolve("tokbench-all.jar"), "not really a jar");
    Kernelspec spec =
        new Kernelspec(
                "tokbench",
                Kernelspec.DISPLAY_NAME,
                "/opt/java/bin/java",
                List.of(jar),
                Kernelspec.DEFAULT_JVM_OPTIONS)
            .withJvmOptions(List.of("-Xmx8g"));
    Path dir = spec.writeTo(tmp.resolve("spec"));

    JsonObject json =
        JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
    assertThat(json.get("display_name").getAsString()).isEqualTo("Java (tokbench)");
    assertThat(json.get("interrupt_mode").getAsString()).isEqualTo("message");
    assertThat(json.get("language").getAsString()).isEqualTo("java");
    assertThat(json.getAsJsonObject("env").get("TOKBENCH_KERNEL").getAsString())
        .isEqualTo("tokbench");
    assertThat(json.getAsJsonArray("argv").toString())
        .isEqualTo(
            "[\"/opt/java/bin/java\",\"-XX:+UseSerialGC\",\"-XX:TieredStopAtLevel=1\",\"-Djava.awt.headless=true\","
                + "\"-Xmx8g\",\"-cp\",\"{resource_dir}/tokbench-all.jar\","
                + "\"dev.tokbench.kernel.KernelLauncher\",\"{connection_file}\"]");
    assertThat(dir.resolve("tokbench-all.jar")).hasContent("not really a jar");
    assertThat(dir.resolve("logo-64x64.png")).isNotEmptyFile();
    assertThat(dir.resolve("logo-32x32.png")).isNotEmptyFile();
  }

  @Test
  void nameThatIsNotADirectoryNameIsRejected() {
    assertThatThrownBy(() -> Kernelspec.forToolkit().withName("my kernel/../x"))
        .isInstanceOf(KernelSetupException.class)
        .hasMessageContaining("my kernel/../x");
  }

  @Test
  void installThroughJupyterPutsTheSpecUnderThePrefix(@TempDir Path tmp) throws Exception {
    RealJupyter.require("jupyter_client");
    JupyterCommand jupyter = JupyterCommand.at(RealJupyter.JUPYTER);
    Kernelspec spec = Kernelspec.forToolkit().withName("tokbench-install-test");
    jupyter.install(spec, JupyterCommand.Scope.PREFIX, tmp);
    Path installed = tmp.resolve("share/jupyter/kernels/tokbench-install-test/kernel.json");
    assertThat(installed).content().contains("\"interrupt_mode\": \"message\"");
  }
}
