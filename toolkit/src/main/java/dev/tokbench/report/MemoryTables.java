package dev.tokbench.report;

import dev.tokbench.memory.BufferSize;
import dev.tokbench.memory.ComponentError;
import dev.tokbench.memory.DeviceMemory;
import dev.tokbench.memory.MemoryPlan;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Memory estimates as Tablesaw tables for notebooks (the memory package itself stays free of
 * Tablesaw, for the lean jar): a plan per device and per buffer, and the estimate's error against
 * llama.cpp's measurements.
 *
 * <pre>{@code
 * MemoryTables.devices(Memory.shape("llama-3.1-8b", "Q4_K_M").ctx(32768).plan())
 * MemoryTables.errors(MemoryComparison.of(MemoryLog.read(log)))
 * }</pre>
 */
public final class MemoryTables {
  private static final double MIB = 1024.0 * 1024.0;

  private MemoryTables() {}

  /** One row per device (the GPU first, the host last), in MiB. */
  public static Table devices(MemoryPlan p) {
    List<DeviceMemory> d = p.devices();
    return Table.create(
        p.model() + " " + p.options(),
        StringColumn.create("device", d.stream().map(DeviceMemory::device)),
        mib("model_mib", d.stream().mapToLong(DeviceMemory::modelBytes).toArray()),
        mib("kv_mib", d.stream().mapToLong(DeviceMemory::kvBytes).toArray()),
        mib("compute_mib", d.stream().mapToLong(DeviceMemory::computeBytes).toArray()),
        mib("output_mib", d.stream().mapToLong(DeviceMemory::outputBytes).toArray()),
        mib("total_mib", d.stream().mapToLong(DeviceMemory::totalBytes).toArray()));
  }

  /** One row per buffer, as llama.cpp's log names them. */
  public static Table buffers(MemoryPlan p) {
    List<BufferSize> b = p.buffers();
    return Table.create(
        p.model() + " buffers",
        StringColumn.create("component", b.stream().map(x -> x.component().key())),
        StringColumn.create("buffer", b.stream().map(BufferSize::buffer)),
        StringColumn.create("device", b.stream().map(BufferSize::device)),
        LongColumn.create("bytes", b.stream().mapToLong(BufferSize::bytes).toArray()),
        mib("mib", b.stream().mapToLong(BufferSize::bytes).toArray()));
  }

  /** One row per configuration, device and component: estimate, measurement, error. */
  public static Table errors(List<ComponentError> e) {
    return Table.create(
        "estimate vs llama.cpp",
        StringColumn.create("configuration", e.stream().map(ComponentError::configuration)),
        StringColumn.create("device", e.stream().map(ComponentError::device)),
        StringColumn.create("component", e.stream().map(ComponentError::component)),
        round("estimated_mib", e.stream().mapToDouble(ComponentError::estimatedMib).toArray()),
        round("measured_mib", e.stream().mapToDouble(ComponentError::measuredMib).toArray()),
        LongColumn.create(
            "breakdown_mib", e.stream().mapToLong(ComponentError::breakdownMib).toArray()),
        round("error_mib", e.stream().mapToDouble(ComponentError::errorMib).toArray()),
        round("error_percent", e.stream().mapToDouble(ComponentError::errorPercent).toArray()),
        BooleanColumn.create(
            "within_target", e.stream().map(ComponentError::withinTarget).toList()));
  }

  private static DoubleColumn mib(String name, long[] bytes) {
    double[] v = new double[bytes.length];
    for (int i = 0; i < v.length; i++) v[i] = Math.round(bytes[i] / MIB * 100) / 100.0;
    return DoubleColumn.create(name, v);
  }

  private static DoubleColumn round(String name, double[] values) {
    double[] v = new double[values.length];
    for (int i = 0; i < v.length; i++) v[i] = Math.round(values[i] * 10000) / 10000.0;
    return DoubleColumn.create(name, v);
  }
}
