package dev.tokbench.memory;

import java.util.Locale;

/** A plan as plain text, for a terminal: the settings, a per-device table, the buffers, the fit. */
public final class MemoryPlanText {
  private MemoryPlanText() {}

  public static String render(MemoryPlan p) {
    StringBuilder out = new StringBuilder();
    out.append(p.model())
        .append(" on ")
        .append(p.gpu())
        .append(": ")
        .append(p.options())
        .append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "context %d cells, %d/%d layers on the GPU (-ngl %d)%n%n",
            p.context(),
            p.offloadedLayers(),
            p.layers(),
            p.gpuLayers()));
    out.append(
        String.format(
            Locale.ROOT,
            "%-8s %12s %12s %12s %12s %12s%n",
            "device",
            "model MiB",
            "KV MiB",
            "compute MiB",
            "output MiB",
            "total MiB"));
    for (DeviceMemory d : p.devices()) {
      out.append(
          String.format(Locale.ROOT, "%-8s %12.2f %12.2f %12.2f %12.2f %12.2f%n", d.mibRow()));
    }
    out.append("\nbuffers (as llama.cpp's log names them):\n");
    for (BufferSize b : p.buffers()) {
      out.append(
          String.format(
              Locale.ROOT, "  %-10s %-8s %12.2f MiB%n", b.buffer(), b.component().key(), b.mib()));
    }
    out.append('\n')
        .append(
            p.fit()
                .map(MemoryPlanText::fit)
                .orElse("fit: give --device or --memory to check whether it fits\n"));
    return out.toString();
  }

  private static String fit(FitCheck f) {
    String what = f.unified() ? "GPU and host (shared memory)" : "GPU";
    return String.format(
        Locale.ROOT,
        "fit: %s: %s needs %.2f MiB + %.2f MiB margin of %.2f MiB%n"
            + "max context %d, max -ngl %d%n",
        f.fits() ? "FITS" : "DOES NOT FIT",
        what,
        mib(f.usedBytes()),
        mib(f.marginBytes()),
        mib(f.memoryBytes()),
        f.maxContext(),
        f.maxGpuLayers());
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
