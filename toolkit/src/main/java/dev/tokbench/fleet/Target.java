package dev.tokbench.fleet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One place points run: an SSH host ({@code slurm} null), or a Slurm partition reached on this
 * machine ({@code host} null) or through a login node.
 *
 * @param name how rows' provenance and progress name it
 * @param host where commands run; {@code null} for this machine
 * @param slurm the partition's settings; {@code null} for an SSH target
 * @param workdir the folder on the host for the bundle, models and (Slurm) job files; relative to
 *     the remote home
 * @param java the {@code java} to run there
 * @param javaOptions its options ({@link #JAVA_OPTIONS} unless the fleet file says)
 * @param slots how many points run there at once (default 1: benchmarks must not share a GPU)
 * @param env variables for the remote tokbench and the benchmarks it starts
 * @param labels what the target is ({@code device}, {@code frameworks}…), each a list of values
 * @param runtime a Java runtime to ship and run instead of {@code java}: {@code jlink}, a runtime
 *     folder or a .tar.gz ({@link JavaRuntime#of}); {@code null} to use the host's
 */
public record Target(
    String name,
    SshHost host,
    SlurmSettings slurm,
    String workdir,
    String java,
    List<String> javaOptions,
    int slots,
    Map<String, String> env,
    Map<String, List<String>> labels,
    String runtime) {
  /**
   * The remote tokbench only reads a sweep file, starts a benchmark and relays its rows, once per
   * point: the client compiler and the serial collector start it sooner (3.7 s instead of 5.5 s on
   * a loaded 2-core machine) and cost nothing it needs.
   */
  public static final List<String> JAVA_OPTIONS =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  public Target {
    Objects.requireNonNull(name, "name");
    javaOptions = List.copyOf(javaOptions);
    Objects.requireNonNull(workdir, "workdir");
    Objects.requireNonNull(java, "java");
    if (slots < 1) throw new IllegalArgumentException("slots must be at least 1, got " + slots);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    Map<String, List<String>> l = new LinkedHashMap<>();
    labels.forEach((k, v) -> l.put(k, List.copyOf(v)));
    labels = Collections.unmodifiableMap(l);
  }

  /** This target reached through {@code h} (the same host, other ssh options). */
  Target via(SshHost h) {
    return new Target(name, h, slurm, workdir, java, javaOptions, slots, env, labels, runtime);
  }

  /** This target running {@code j} (the runtime shipped to it). */
  Target withJava(String j) {
    return new Target(name, host, slurm, workdir, j, javaOptions, slots, env, labels, runtime);
  }

  /** True for a Slurm partition. */
  public boolean isSlurm() {
    return slurm != null;
  }

  /** The shell commands and copies reach. */
  Shell shell() {
    return host == null ? Shell.LOCAL : new SshShell(host);
  }

  /**
   * Whether this target may run a point whose placement values are {@code wants} (axis name to
   * value, for the axes some target has a label for): each must be one of this target's values of
   * that label, or of its plural ({@code framework} → {@code frameworks}). A target that lists no
   * frameworks runs any: the framework comes from the sweep's run block, not from an axis chosen
   * for placement.
   */
  public boolean fits(Map<String, String> wants) {
    return wants.entrySet().stream()
        .allMatch(
            w ->
                labelValues(w.getKey()).contains(w.getValue())
                    || w.getKey().equals("framework") && labelValues("framework").isEmpty());
  }

  List<String> labelValues(String key) {
    List<String> v = labels.get(key);
    return v != null ? v : labels.getOrDefault(key + "s", List.of());
  }

  @Override
  public String toString() {
    return name + " (" + (isSlurm() ? "slurm" : "ssh") + (host == null ? "" : " " + host) + ")";
  }
}
