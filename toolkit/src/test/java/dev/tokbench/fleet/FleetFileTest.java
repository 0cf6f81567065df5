package dev.tokbench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import dev.tokbench.ReadLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFileTest {
  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("fleet.yaml"), yaml);
  }

  @Test
  void readsSshHostsAndSlurmPartitionsWithTheirLabels() throws Exception {
    Fleet f =
        Fleet.read(
            write(
                """
                targets:
                  - name: orin-1
                    ssh: nvidia@orin-1.lab:22
                    identity: ~/.ssh/id_ed25519
                    workdir: /home/nvidia/tokbench
                    ssh_options: [-o, ProxyJump=gw]
                    env: {CUDA_VISIBLE_DEVICES: 0}
                    labels: {device: jetson-agx-orin-64gb, frameworks: [llama-bench, tinygrad]}
                  - name: a100-partition
                    slurm: {partition: gpu, gres: "gpu:1", time: "00:30:00", poll_s: 2}
                    slots: 8
                  - name: h100s
                    slurm: {partition: h100, ssh: login-1}
                """));

    Target orin = f.target("orin-1").orElseThrow();
    assertThat(orin.host().destination()).isEqualTo("nvidia@orin-1.lab");
    assertThat(orin.host().port()).isEqualTo(22);
    assertThat(orin.host().identity())
        .isEqualTo(System.getProperty("user.home") + "/.ssh/id_ed25519");
    assertThat(orin.host().options()).containsExactly("-o", "ProxyJump=gw");
    assertThat(orin.env()).containsEntry("CUDA_VISIBLE_DEVICES", "0");
    assertThat(orin.labels())
        .containsEntry("device", List.of("jetson-agx-orin-64gb"))
        .containsEntry("frameworks", List.of("llama-bench", "tinygrad"));
    assertThat(orin.slots()).isEqualTo(1);
    assertThat(orin.javaOptions()).isEqualTo(Target.JAVA_OPTIONS);
    Target a100 = f.target("a100-partition").orElseThrow();
    assertThat(a100.isSlurm()).isTrue();
    assertThat(a100.host()).as("slurm commands run here").isNull();
    assertThat(a100.slurm())
        .isEqualTo(new SlurmSettings("gpu", null, "gpu:1", "00:30:00", Duration.ofSeconds(2)));
    assertThat(a100.slots()).isEqualTo(8);
    assertThat(a100.workdir()).isEqualTo("tokbench");
    assertThat(f.target("h100s").orElseThrow().host().destination()).isEqualTo("login-1");
  }

  @Test
  void pointsGoWhereTheirDeviceAndFrameworkFit() throws Exception {
    Fleet f =
        Fleet.read(
            write(
                """
                targets:
                  - {name: orin, ssh: orin, labels: {device: orin, frameworks: [llama-bench]}}
                  - {name: h100, ssh: h100, labels: {device: h100}}
                  - {name: any, ssh: spare}
                """));

    Map<String, String> orinPoint = f.placement(Map.of("device", "orin", "fa", "1"), "llama-bench");
    assertThat(orinPoint).containsOnlyKeys("device", "framework");
    assertThat(f.fitting(orinPoint)).extracting(Target::name).containsExactly("orin");
    assertThat(f.fitting(f.placement(Map.of("device", "orin"), "tinygrad"))).isEmpty();
    assertThat(f.fitting(f.placement(Map.of("device", "h100"), "vllm")))
        .extracting(Target::name)
        .containsExactly("h100");
    // a point that names no device may go to any target whose frameworks allow it
    assertThat(f.fitting(f.placement(Map.of("fa", "0"), "vllm")))
        .extracting(Target::name)
        .containsExactly("h100", "any");
  }

  @Test
  void anUnknownKeyNamesItsLineAndTheKeyItWasMeantToBe() throws Exception {
    Path file = write("targets:\n  - name: a\n    ssh: a\n    slost: 2\n");
    assertThatThrownBy(() -> Fleet.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(
            file + ":4: unknown key 'slost' in targets[0]; did you mean 'slots'?");
  }

  @Test
  void badValuesAreErrorsAtTheirLineNamingTheKey() throws Exception {
    assertThatThrownBy(
            () -> Fleet.read(write("targets:\n  - name: a\n    ssh: a\n    slots: two\n")))
        .hasMessageContaining(
            "fleet.yaml:4: targets[0].slots must be a whole number of at least 1, got 'two'");
    assertThatThrownBy(
            () ->
                Fleet.read(write("targets:\n  - name: a\n    ssh: a\n    slurm: {partition: p}\n")))
        .hasMessageContaining("fleet.yaml:2: target 'a' needs one of ssh or slurm");
    assertThatThrownBy(
            () -> Fleet.read(write("targets:\n  - {name: a, ssh: a}\n  - {name: a, ssh: b}\n")))
        .hasMessageContaining("fleet.yaml:3: two targets are named 'a'");
    assertThatThrownBy(
            () -> Fleet.read(write("targets:\n  - {name: a, ssh: \"-oProxyCommand=x\"}\n")))
        .hasMessageContaining("fleet.yaml:2: not an ssh destination");
    assertThatThrownBy(
            () ->
                Fleet.read(write("targets:\n  - name: a\n    slurm: {partition: p, poll_s: -1}\n")))
        .hasMessageContaining("fleet.yaml:3: targets[0].slurm.poll_s must be a positive number");
    assertThatThrownBy(() -> Fleet.read(write("targets: []\n")))
        .hasMessageContaining("fleet.yaml:1: needs 'targets'");
    assertThatThrownBy(() -> Fleet.read(write("targets:\n  - name: a\n    ssh: a\n    ssh: b\n")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("Duplicate field 'ssh'");
  }

  @Test
  void aFileThatIsNotAFleetSaysWhatItShouldBe() throws Exception {
    assertThatThrownBy(() -> Fleet.read(write("- a\n- b\n")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("must be a map with targets");
    assertThatThrownBy(() -> Fleet.read(dir.resolve("missing.yaml")))
        .hasMessageContaining("no such file");
    Files.write(dir.resolve("big.yaml"), new byte[(int) ReadLimits.FLEET.maxBytes() + 1]);
    assertThatThrownBy(() -> Fleet.read(dir.resolve("big.yaml")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("a fleet file may have at most 1,048,576 bytes");
    Path alias = write("targets:\n  - &t {name: a, ssh: a}\n  - *t\n");
    assertThatThrownBy(() -> Fleet.read(alias))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("fleet.yaml:3: YAML aliases");
  }
}
