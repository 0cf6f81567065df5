package dev.tokbench.run.tinygrad;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinygradCheckoutTest {
  @TempDir Path dir;

  @Test
  void olderCheckoutsReadTheVersionFromSetupPyAndThePackedRef() throws Exception {
    Files.writeString(
        dir.resolve("setup.py"), "setup(name='tinygrad',\n      version='0.10.3',\n)\n");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/master\n");
    Files.writeString(
        dir.resolve(".git/packed-refs"),
        "# pack-refs with: peeled\n1111111111111111111111111111111111111111 refs/heads/master\n");

    TinygradCheckout c = TinygradCheckout.at(dir);

    assertThat(c.version()).isEqualTo("0.10.3");
    assertThat(c.commit()).isEqualTo("1111111111111111111111111111111111111111");
    assertThat(c.backendEnv("NV")).containsExactly(java.util.Map.entry("NV", "1"));
  }

  @Test
  void aDetachedHeadIsTheCommitAndV013UsesDev() throws Exception {
    Files.writeString(
        dir.resolve("pyproject.toml"), "[project]\nname = \"tinygrad\"\nversion = \"0.13.0\"\n");
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".git/HEAD"), "a9069c177a9da9cca18593edf55acd2e6073cca6\n");

    TinygradCheckout c = TinygradCheckout.at(dir);

    assertThat(c.commit()).startsWith("a9069c17");
    assertThat(c.backendEnv("CUDA")).containsExactly(java.util.Map.entry("DEV", "CUDA"));
    assertThat(c.toString()).contains("0.13.0").contains("a9069c177");
  }

  @Test
  void anUnknownVersionIsTakenAsCurrent() {
    TinygradCheckout c = TinygradCheckout.at(dir);

    assertThat(c.version()).isEmpty();
    assertThat(c.usesDevVariable()).isTrue();
    assertThat(TinygradCheckout.compare("0.12.9", "0.13")).isNegative();
    assertThat(TinygradCheckout.compare("0.13.0", "0.13")).isZero();
  }
}
