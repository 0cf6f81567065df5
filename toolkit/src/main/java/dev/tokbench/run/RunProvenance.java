package dev.tokbench.run;

import dev.tokbench.Secrets;
import dev.tokbench.Version;
import dev.tokbench.process.ProcessSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The per-launch part of provenance, known when the launch starts so that rows streamed out during
 * the run carry it: exact command line, environment set, start time, log, toolkit version; values
 * of credentials redacted ({@link Secrets}).
 */
public final class RunProvenance {
  private RunProvenance() {}

  public static Map<String, String> of(
      ProcessSpec spec, Instant started, Map<String, String> machine) {
    Map<String, String> p = new LinkedHashMap<>(machine);
    p.put("command", spec.commandLine());
    p.put(
        "env",
        spec.env().entrySet().stream()
            .map(e -> e.getKey() + "=" + Secrets.envValue(e.getKey(), e.getValue()))
            .collect(Collectors.joining(" ")));
    if (spec.workDir() != null) p.put("workdir", spec.workDir().toAbsolutePath().toString());
    p.put("started", started.toString());
    if (spec.log() != null) p.put("log", spec.log().toString());
    p.put("toolkit_version", Version.current());
    return p;
  }
}
