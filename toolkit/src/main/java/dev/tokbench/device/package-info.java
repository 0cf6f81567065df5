/**
 * Which machine a run is on and what its accelerator can do: provenance from {@code nvidia-smi} and
 * the Jetson device tree, the device catalogue with theoretical bandwidth, tegrastats sampling.
 */
package dev.tokbench.device;
