package dev.tokbench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SshHostTest {
  @Test
  void theDefaultCommandLineKeepsHostKeyCheckingOnAndNeverPrompts() {
    List<String> cmd = SshHost.parse("nvidia@orin-1.lab:2222").command("true");

    assertThat(cmd.get(0)).isEqualTo("ssh");
    assertThat(String.join(" ", cmd))
        .contains("-o BatchMode=yes")
        .contains("-o ConnectTimeout=10")
        .contains("-o ServerAliveInterval=5")
        .contains("-o Port=2222")
        .doesNotContainIgnoringCase("StrictHostKeyChecking")
        .doesNotContain("UserKnownHostsFile")
        .doesNotContain("/dev/null")
        .endsWith("nvidia@orin-1.lab -- true");
  }

  @Test
  void optionsTheFleetFileGivesArePassedAsGivenAfterOurs() {
    SshHost h =
        SshHost.parse("lab-jetson")
            .with("/keys/id", List.of("-o", "StrictHostKeyChecking=no", "-J", "gw"));
    List<String> cmd = h.command("uname");

    assertThat(h.port()).isZero();
    assertThat(cmd)
        .containsSubsequence(
            "-i",
            "/keys/id",
            "-o",
            "StrictHostKeyChecking=no",
            "-J",
            "gw",
            "lab-jetson",
            "--",
            "uname");
    assertThat(cmd.indexOf("BatchMode=yes")).isLessThan(cmd.indexOf("StrictHostKeyChecking=no"));
  }

  @Test
  void aDestinationThatWouldBeReadAsAnOptionIsRefused() {
    assertThatThrownBy(() -> SshHost.parse("-oProxyCommand=evil"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an ssh destination");
  }

  @Test
  void shellWordsAreQuotedSoAPointKeyReachesTheRemoteSideWhole() {
    assertThat(Shell.quote("model=a.gguf,fa=1")).isEqualTo("model=a.gguf,fa=1");
    assertThat(Shell.quote("it's $HOME; rm")).isEqualTo("'it'\\''s $HOME; rm'");
    assertThat(Shell.words(List.of("a b", "c"))).isEqualTo("'a b' c");
  }
}
