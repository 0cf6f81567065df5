package dev.tokbench.report;

import dev.tokbench.bandwidth.Bandwidth;
import dev.tokbench.device.Device;
import java.util.Optional;

/**
 * The device a data folder was measured on, with the bandwidths its figures are judged against.
 *
 * @param device the catalogue entry
 * @param theoretical the theoretical bandwidth the source states (else the catalogue's)
 * @param practical a measured or stated practical bandwidth, or null when there is none
 * @param source where the two figures come from
 */
public record DeviceSpec(Device device, Bandwidth theoretical, Bandwidth practical, String source) {
  public DeviceSpec {
    if (device == null || theoretical == null) {
      throw new IllegalArgumentException("a device and its theoretical bandwidth are needed");
    }
  }

  /** A catalogue device as it is listed: its theoretical bandwidth, no practical one. */
  public static DeviceSpec of(Device d) {
    return new DeviceSpec(d, d.theoretical(), null, d.source());
  }

  /** The practical bandwidth, when the source gives one. */
  public Optional<Bandwidth> practicalBandwidth() {
    return Optional.ofNullable(practical);
  }

  @Override
  public String toString() {
    return device.name()
        + ": "
        + theoretical
        + " theoretical"
        + (practical == null ? "" : ", " + practical + " practical");
  }
}
