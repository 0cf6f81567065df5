package dev.tokbench.fleet;

/**
 * What a target has once prepared for a sweep: this tokbench's bundle and the sweep's folder.
 *
 * @param bundle the tokbench it runs
 * @param inputs the sweep file and the files its points name
 */
record Installed(Bundle bundle, SweepInputs inputs) {}
