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

  /**
   * The device given on the command line ({@code report --device "My board" --bandwidth 204.8}):
   * the catalogue's entry of that name (its bandwidth unless {@code gbPerS} is given), else a
   * device of that name with {@code gbPerS}; NaN for a bandwidth not given.
   *
   * @throws dev.tokbench.device.UnknownDeviceException when the catalogue lacks the name and no
   *     bandwidth is given
   */
  public static DeviceSpec given(
      String name, double gbPerS, double practicalGbPerS, dev.tokbench.device.DeviceCatalog c) {
    Optional<Device> known = c.match(java.util.List.of(name));
    if (known.isEmpty() && Double.isNaN(gbPerS)) {
      throw new dev.tokbench.device.UnknownDeviceException(
          "unknown device '" + name + "'; give its theoretical bandwidth with --bandwidth GB/s");
    }
    String from = "given on the command line";
    Device d =
        known.orElseGet(
            () ->
                new Device(
                    name,
                    java.util.List.of(),
                    Double.NaN,
                    "",
                    Bandwidth.gbPerS(gbPerS),
                    Double.NaN,
                    from));
    Bandwidth theoretical = Double.isNaN(gbPerS) ? d.theoretical() : Bandwidth.gbPerS(gbPerS);
    Bandwidth practical = Double.isNaN(practicalGbPerS) ? null : Bandwidth.gbPerS(practicalGbPerS);
    boolean own = known.isEmpty() || !Double.isNaN(gbPerS) || practical != null;
    return new DeviceSpec(d, theoretical, practical, own ? from : d.source());
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
