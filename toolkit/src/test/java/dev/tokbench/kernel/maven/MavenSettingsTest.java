package dev.tokbench.kernel.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenSettingsTest {
  @TempDir Path home;

  @Test
  void withoutSettingsFileCentralAndHomeRepositoryAreUsed() {
    MavenSettings s = MavenSettings.from(home.resolve("absent.xml"), Map.of(), null, home);
    assertThat(s.localRepository()).isEqualTo(home.resolve(".m2/repository"));
    assertThat(s.remoteUrl()).isEqualTo(MavenSettings.CENTRAL);
    assertThat(s.offline()).isFalse();
  }

  @Test
  void settingsXmlGivesLocalRepositoryOfflineAndCentralMirror() throws Exception {
    Path xml =
        write(
            "<settings><localRepository>${user.home}/repo</localRepository><offline>true</offline>"
                + "<mirrors><mirror><id>other</id><mirrorOf>snapshots</mirrorOf><url>http://x/</url></mirror>"
                + "<mirror><id>corp</id><mirrorOf>*,!snapshots</mirrorOf>"
                + "<url>https://nexus.example/maven/</url></mirror></mirrors></settings>");
    MavenSettings s = MavenSettings.from(xml, Map.of(), null, home);
    assertThat(s.localRepository()).isEqualTo(home.resolve("repo"));
    assertThat(s.offline()).isTrue();
    assertThat(s.remoteId()).isEqualTo("corp");
    assertThat(s.remoteUrl()).isEqualTo(URI.create("https://nexus.example/maven/"));
  }

  @Test
  void environmentThenPropertyOverrideTheLocalRepository() throws Exception {
    Path xml = write("<settings><localRepository>/from/xml</localRepository></settings>");
    Map<String, String> env =
        Map.of(MavenSettings.REPO_ENV, "/from/env", MavenSettings.OFFLINE_ENV, "true");
    assertThat(MavenSettings.from(xml, env, null, home).localRepository())
        .isEqualTo(Path.of("/from/env"));
    MavenSettings s = MavenSettings.from(xml, env, "/from/property", home);
    assertThat(s.localRepository()).isEqualTo(Path.of("/from/property"));
    assertThat(s.offline()).isTrue();
  }

  @Test
  void mirrorExcludingCentralIsNotUsed() {
    assertThat(MavenSettings.coversCentral("*,!central")).isFalse();
    assertThat(MavenSettings.coversCentral("external:*")).isTrue();
    assertThat(MavenSettings.coversCentral("central")).isTrue();
  }

  @Test
  void malformedSettingsXmlNamesTheFile() throws Exception {
    Path xml = write("<settings><offline>");
    assertThatThrownBy(() -> MavenSettings.from(xml, Map.of(), null, home))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(xml.toString());
  }

  private Path write(String xml) throws Exception {
    Path file = home.resolve("settings.xml");
    Files.writeString(file, xml);
    return file;
  }
}
