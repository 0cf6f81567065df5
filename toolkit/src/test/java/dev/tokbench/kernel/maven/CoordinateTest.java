package dev.tokbench.kernel.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoordinateTest {
  @Test
  void groupArtifactVersionDefaultsToJarWithoutClassifier() {
    Coordinate c = Coordinate.parse("com.google.code.gson:gson:2.11.0");
    assertThat(c).isEqualTo(new Coordinate("com.google.code.gson", "gson", "2.11.0", "", "jar"));
    assertThat(c.resolverForm()).isEqualTo("com.google.code.gson:gson:jar:2.11.0");
    assertThat(c).hasToString("com.google.code.gson:gson:2.11.0");
  }

  @Test
  void classifierAndTypeAreKept() {
    Coordinate c = Coordinate.parse("org.lwjgl:lwjgl:3.3.4:natives-linux@jar");
    assertThat(c.classifier()).isEqualTo("natives-linux");
    assertThat(c.resolverForm()).isEqualTo("org.lwjgl:lwjgl:jar:natives-linux:3.3.4");
    assertThat(Coordinate.parse("g:a:1@pom").type()).isEqualTo("pom");
  }

  @Test
  void missingVersionIsRejectedWithTheExpectedForm() {
    assertThatThrownBy(() -> Coordinate.parse("com.google.code.gson:gson"))
        .isInstanceOf(BadCoordinateException.class)
        .hasMessageContaining("'com.google.code.gson:gson'")
        .hasMessageContaining("group:artifact:version");
  }

  @Test
  void tooManyPartsAreRejected() {
    assertThatThrownBy(() -> Coordinate.parse("a:b:c:d:e"))
        .isInstanceOf(BadCoordinateException.class);
  }
}
