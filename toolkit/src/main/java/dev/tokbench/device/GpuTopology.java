package dev.tokbench.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The GPU-to-GPU links of {@code nvidia-smi topo -m}: its matrix, each pair once. NVIDIA's legend:
 * {@code NV#} a bonded set of # NVLinks, {@code PIX} at most one PCIe bridge, {@code PXB} several
 * PCIe bridges, {@code PHB} a PCIe host bridge (the CPU), {@code NODE} the interconnect between
 * host bridges of one NUMA node, {@code SYS} the SMP interconnect between NUMA nodes (QPI/UPI).
 * Columns after the GPUs (NICs such as {@code mlx5_0}, {@code CPU Affinity}, {@code NUMA Affinity})
 * and rows that are not GPUs are left out; cells may be separated by tabs or by spaces.
 *
 * @param links every pair of GPUs once, lower index first, in the matrix's order
 */
public record GpuTopology(List<Link> links) {
  private static final Pattern GPU = Pattern.compile("GPU(\\d{1,4})");
  private static final Pattern CELL = Pattern.compile("\\t+| {2,}");

  public GpuTopology {
    links = List.copyOf(links);
  }

  /**
   * A link between two GPUs.
   *
   * @param from the lower GPU index
   * @param to the higher
   * @param kind the matrix's word: {@code NV18}, {@code PHB}, {@code SYS}...
   */
  public record Link(int from, int to, String kind) {
    /** NVLinks bonded between the two; 0 when they talk over PCIe (or the SMP interconnect). */
    public int nvlinks() {
      return kind.matches("NV\\d{1,4}") ? Integer.parseInt(kind.substring(2)) : 0;
    }

    @Override
    public String toString() {
      return from + "-" + to + " " + kind;
    }
  }

  /** The matrix of {@code nvidia-smi topo -m}; no links for a text without one (one GPU). */
  public static GpuTopology parse(String text) {
    List<String> header = null;
    List<Link> links = new ArrayList<>();
    for (String line : (Iterable<String>) text.lines()::iterator) {
      if (line.isBlank() || line.startsWith("Legend")) {
        if (header != null && !links.isEmpty()) break; // the matrix has ended
        continue;
      }
      List<String> cells = cells(line);
      if (header == null) {
        if (!cells.isEmpty() && cells.get(0).equals("GPU0")) header = cells;
        continue;
      }
      row(cells, header, links);
    }
    return new GpuTopology(links);
  }

  private static void row(List<String> cells, List<String> header, List<Link> links) {
    if (cells.isEmpty() || !GPU.matcher(cells.get(0)).matches()) return;
    int from = Integer.parseInt(cells.get(0).substring(3));
    for (int c = 1; c < cells.size() && c - 1 < header.size(); c++) {
      var m = GPU.matcher(header.get(c - 1));
      if (!m.matches()) break; // NICs and affinities follow the GPUs
      int to = Integer.parseInt(m.group(1));
      if (to > from) links.add(new Link(from, to, cells.get(c)));
    }
  }

  /** The row's cells, the empty lead cell of the header dropped; {@code " X "} as {@code X}. */
  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    for (String c : CELL.split(line.strip())) if (!c.isBlank()) out.add(c.strip());
    return out;
  }

  /** True when some pair is joined by NVLink. */
  public boolean anyNvlink() {
    return links.stream().anyMatch(l -> l.nvlinks() > 0);
  }

  /** {@code 0-1 NV18, 0-2 NV18, ...}; empty for no links. */
  public String describe() {
    StringJoiner j = new StringJoiner(", ");
    links.forEach(l -> j.add(l.toString()));
    return j.toString();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "GpuTopology[%s]", describe());
  }
}
