package dev.tokbench.fleet;

import java.util.Map;

/**
 * What a target has once prepared for a sweep: this tokbench's bundle and the sweep's folder.
 *
 * @param bundle the tokbench it runs
 * @param inputs the sweep file and the files its points name
 * @param runtimes the Java runtimes made for the targets' {@code runtime:} values, by value
 */
record Installed(Bundle bundle, SweepInputs inputs, Map<String, JavaRuntime> runtimes) {
  Installed {
    runtimes = Map.copyOf(runtimes);
  }
}
