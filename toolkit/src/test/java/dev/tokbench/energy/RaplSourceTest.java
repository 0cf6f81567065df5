package dev.tokbench.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAPL zones from a powercap tree laid out in a temporary folder. */
class RaplSourceTest {
  private static final long MS = 1_000_000L;
  @TempDir Path dir;

  private static RaplSource open(Path root) {
    return RaplSource.open(SourceConfig.defaults().withPowercap(root));
  }

  @Test
  void aWrappedCounterIsUnwrappedAndPackagePlusDramIsTheTotal() throws Exception {
    long range = 10_000_000; // 10 J, so a wrap is easy to make
    Path root = FakePowercap.oneSocket(dir, 9_000_000, range);
    RaplSource rapl = open(root);
    List<PowerSample> s = new ArrayList<>(rapl.poll(new Stamp(0, 0)));
    // package: 9 J -> 1 J (wrapped: +2 J) -> 4 J (+3 J); dram: 0.9 -> 1.4 -> 1.9 J
    FakePowercap.set(root, "intel-rapl:0", 1_000_000);
    FakePowercap.set(root, "intel-rapl:0:1", 1_400_000);
    s.addAll(rapl.poll(new Stamp(100, 100 * MS)));
    FakePowercap.set(root, "intel-rapl:0", 4_000_000);
    FakePowercap.set(root, "intel-rapl:0:1", 1_900_000);
    s.addAll(rapl.poll(new Stamp(200, 200 * MS)));

    WindowEnergy e = Trace.of(s).energy();

    assertThat(rapl.info().channels())
        .containsExactly("package-0", "package-0/core", "package-0/dram");
    assertThat(rapl.info().detail()).endsWith("total = package-0 + package-0/dram");
    assertThat(e.joules()).isCloseTo(5.0 + 1.0, within(1e-9));
    assertThat(e.channels().get(0).joules()).isCloseTo(5.0, within(1e-9));
    assertThat(e.channels().get(1).inTotal()).isFalse();
    // the power of the interval before each reading: 20 W, then 30 W
    assertThat(e.channels().get(0).peakW()).isCloseTo(30.0, within(1e-9));
  }

  @Test
  void aPsysZoneIsTheTotalAlone() throws Exception {
    FakePowercap.oneSocket(dir, 1_000_000, 262_143_328_850L);
    FakePowercap.zone(dir, "intel-rapl:1", "psys", 5_000_000, 262_143_328_850L);

    RaplSource rapl = open(dir);

    assertThat(rapl.info().detail()).endsWith("total = psys");
  }

  @Test
  void noPowercapTreeOrNoZoneSaysSo() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("empty"));

    assertThat(
            Probe.of(
                    SourceConfig.defaults().withPowercap(dir.resolve("none")),
                    List.of("rapl"),
                    true)
                .attempts()
                .get(0)
                .detail())
        .isEqualTo("no RAPL: " + dir.resolve("none") + " does not exist (no powercap driver)");
    assertThat(
            Probe.of(
                    SourceConfig.defaults().withPowercap(dir.resolve("empty")),
                    List.of("rapl"),
                    true)
                .attempts()
                .get(0)
                .detail())
        .startsWith("no RAPL: no intel-rapl or amd-rapl zone");
  }
}
