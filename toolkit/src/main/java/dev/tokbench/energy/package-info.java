/**
 * Energy: how many joules a run took, from the best power source the machine has (NVML through JNA,
 * {@code nvidia-smi}, Jetson's {@code tegrastats}, RAPL), and how they split over the tests of a
 * run. The measurement side: no Tablesaw, no XChart, so the lean jar that runs on a GPU box or a
 * Jetson carries it.
 *
 * <pre>{@code
 * Probe probe = Sources.probe(SourceConfig.defaults());      // what was tried, and why not
 * try (EnergyMeter meter = EnergyMeter.start(probe.best(), Duration.ofMillis(100))) {
 *   meter.idle(Duration.ofSeconds(3));                        // the idle baseline
 *   ... run the benchmark, time-stamping each row's arrival with Stamp.now() ...
 *   Measurement m = meter.stop();
 *   List<RowEnergy> rows = m.attribute(timedRows);            // joules per token, per phase
 * }
 * Trace t = Traces.read(Path.of("power.csv"));               // nvidia-smi, tegrastats or ours
 * t.energy(t.span()).joules();
 * }</pre>
 */
package dev.tokbench.energy;
