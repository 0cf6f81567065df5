package dev.tokbench.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.DataFileException;
import dev.tokbench.tables.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCatalogTest {
  private final DeviceCatalog catalog = DeviceCatalog.builtin();

  @Test
  void coversTheDevicesTheIssueNamesEachWithASource() {
    for (String name :
        List.of(
            "Jetson AGX Orin 64GB",
            "Jetson AGX Orin 32GB",
            "Jetson Orin NX 16GB",
            "Jetson Orin NX 8GB",
            "Jetson Orin Nano 8GB",
            "H100 SXM",
            "H100 PCIe",
            "H200",
            "A100 40GB",
            "A100 80GB",
            "L4",
            "L40S",
            "RTX 3090",
            "RTX 4090",
            "RTX 5090",
            "M2 Max",
            "M2 Ultra",
            "MI300X")) {
      Device d = catalog.find(name);
      assertThat(d.source()).as(name).isNotBlank();
      assertThat(d.theoretical().gbPerS()).as(name).isPositive();
    }
  }

  @Test
  void findsTheH100ByTheNameLlamaBenchPrints() {
    Device d = catalog.find("NVIDIA H100 80GB HBM3");
    assertThat(d.name()).isEqualTo("NVIDIA H100 SXM5 80GB");
    assertThat(d.theoretical().gbPerS()).isEqualTo(3350.0);
    assertThat(catalog.find("Jetson Orin AGX 64GB").theoretical().gbPerS()).isEqualTo(204.8);
  }

  @Test
  void unknownDeviceSuggestsSimilarNames() {
    assertThatThrownBy(() -> catalog.find("NVIDIA H100 NVL"))
        .isInstanceOf(UnknownDeviceException.class)
        .hasMessageContaining("'NVIDIA H100 NVL'")
        .hasMessageContaining("NVIDIA H100 SXM5 80GB");
  }

  @Test
  void usersAddTheirOwnDevices(@TempDir Path dir) throws Exception {
    Path mine = dir.resolve("mine.csv");
    Files.writeString(
        mine,
        String.join(",", DeviceCatalog.COLUMNS)
            + "\nMy Board,board,16,LPDDR5,120,,measured by me\n");
    DeviceCatalog all = catalog.with(DeviceCatalog.read(mine));
    assertThat(all.find("board").theoretical().gbPerS()).isEqualTo(120.0);
    assertThat(all.devices()).hasSize(catalog.devices().size() + 1);
    assertThat(Tables.devices(all).rowCount()).isEqualTo(all.devices().size());
  }

  @Test
  void rowWithoutSourceIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad, String.join(",", DeviceCatalog.COLUMNS) + "\nA,,1,x,100,,src\nB,,1,x,200,,\n");
    assertThatThrownBy(() -> DeviceCatalog.read(bad))
        .isInstanceOf(DataFileException.class)
        .hasMessageStartingWith(bad + ":3:")
        .hasMessageContaining("source");
  }
}
