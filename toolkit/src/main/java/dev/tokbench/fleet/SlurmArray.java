package dev.tokbench.fleet;

import dev.tokbench.sweep.SweepPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A Slurm target's points as one job array ({@code sbatch --array=0-N%slots}), followed with {@code
 * squeue} and, once a task leaves the queue, {@code scontrol show job} for its final state ({@code
 * sacct} needs slurmdbd, which a small cluster may not run). Each task writes its rows to {@code
 * rows-N.txt} in the job's folder on the shared filesystem; they are read as they grow, so rows
 * stream in while the array runs. A task that ends without its done line (cancelled, timed out,
 * preempted, node failure) becomes a failed row with Slurm's state and reason. Interrupting the
 * sweep (Ctrl-C) cancels the array.
 */
final class SlurmArray {
  private static final int SQUEUE_FAILURES_ALLOWED = 30;

  private final Target t;
  private final Installed in;
  private final Ledger ledger;
  private final String dir;

  SlurmArray(Target t, Installed in, Ledger ledger, Path logs) {
    this.t = t;
    this.in = in;
    this.ledger = ledger;
    String name = in.inputs().folder().substring("sweeps/".length());
    this.dir = t.workdir() + "/jobs/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  void run(List<SweepPoint> points) {
    String id;
    try {
      id = submit(points);
    } catch (TargetUnusable e) {
      points.forEach(p -> ledger.failed(p, t, null, "slurm-submit", e.getMessage()));
      return;
    }
    ledger.say(t.name() + ": job array " + id + " of " + points.size() + " tasks in " + dir);
    Thread cancel = new Thread(() -> Remote.tryRun(t.shell().script("scancel " + id)));
    Runtime.getRuntime().addShutdownHook(cancel);
    try {
      follow(id, points);
    } finally {
      Runtime.getRuntime().removeShutdownHook(cancel);
    }
  }

  private String submit(List<SweepPoint> points) {
    String keys = points.stream().map(SweepPoint::key).collect(Collectors.joining("\n")) + "\n";
    String script =
        "mkdir -p "
            + Shell.quote(dir)
            + " && cd "
            + Shell.quote(dir)
            + " && "
            + SlurmJob.write("points.txt", keys)
            + SlurmJob.write("job.sh", SlurmJob.script(t, in))
            + "sbatch --parsable --array=0-"
            + (points.size() - 1)
            + "%"
            + t.slots()
            + " job.sh";
    List<String> out = Remote.run(t, script, "sbatch");
    String last = out.isEmpty() ? "" : out.get(out.size() - 1).strip();
    String id = last.split(";")[0];
    if (!id.matches("[0-9]+"))
      throw new TargetUnusable(t.name() + ": sbatch printed '" + last + "'");
    return id;
  }

  private void follow(String id, List<SweepPoint> points) {
    Map<Integer, SlurmTask> open = new LinkedHashMap<>();
    for (int i = 0; i < points.size(); i++)
      open.put(i, new SlurmTask(t, points.get(i), ledger, id + "_" + i));
    int squeueFailures = 0;
    try {
      while (!open.isEmpty()) {
        Map<String, String> queued = squeue(id);
        if (queued == null) {
          if (++squeueFailures > SQUEUE_FAILURES_ALLOWED) {
            lostContact(id, open);
            return;
          }
        } else {
          squeueFailures = 0;
          readRows(open);
          if (otherVersion(id, open)) return;
          resolveEnded(id, open, queued);
        }
        if (!open.isEmpty()) Thread.sleep(t.slurm().poll().toMillis());
      }
    } catch (InterruptedException e) {
      Remote.tryRun(t.shell().script("scancel " + id));
      open.values()
          .forEach(task -> task.fail("interrupted", "the sweep was interrupted; scancel " + id));
      Thread.currentThread().interrupt();
    }
  }

  /** Task id ({@code 12_3}) to state of the array's tasks still queued; null if squeue failed. */
  private Map<String, String> squeue(String id) {
    Remote.Output o =
        Remote.tryRun(
            t.shell().script("squeue -h -r -j " + id + " -o '%i %T'").withTimeout(Remote.SHORT));
    if (!o.outcome().succeeded()) {
      // once every task has left slurmctld's memory, squeue says so instead of printing nothing
      boolean gone = String.join(" ", o.outcome().stderrTail()).contains("Invalid job id");
      return gone ? Map.of() : null;
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : o.stdout()) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 2) m.put(f[0], f[1]);
    }
    return m;
  }

  /** New complete lines of every open task's rows file, in one command. */
  private void readRows(Map<Integer, SlurmTask> open) {
    StringBuilder specs = new StringBuilder();
    open.forEach((i, task) -> specs.append(' ').append(i).append(':').append(task.linesRead()));
    String script =
        "cd "
            + Shell.quote(dir)
            + " && for s in"
            + specs
            + "; do i=${s%%:*}; k=${s#*:}; f=rows-$i.txt; [ -f \"$f\" ] || continue;"
            + " n=$(wc -l < \"$f\"); echo \"@@tokbench $i\"; tail -n +$((k + 1)) \"$f\" | head -n $((n - k)); done";
    Remote.Output o = Remote.tryRun(t.shell().script(script).withTimeout(Remote.SHORT));
    if (!o.outcome().succeeded()) return; // read again at the next poll
    SlurmTask current = null;
    for (String line : o.stdout()) {
      if (line.startsWith("@@tokbench "))
        current = open.get(Integer.parseInt(line.substring(11).strip()));
      else if (current != null) current.line(line);
    }
  }

  private void resolveEnded(String id, Map<Integer, SlurmTask> open, Map<String, String> queued) {
    List<Integer> ended = new ArrayList<>();
    open.forEach(
        (i, task) -> {
          if (!queued.containsKey(task.jobId())) ended.add(i);
        });
    if (ended.isEmpty()) return;
    readRows(open); // lines written just before the task ended
    if (otherVersion(id, open)) return;
    SlurmStates states = SlurmStates.of(t, id);
    for (int i : ended) {
      SlurmTask task = open.get(i);
      String state = states.of(i);
      if (SlurmStates.stillQueued(state)) continue; // squeue was ahead of slurmctld
      if (task.isDone() && !SlurmStates.endedBySlurm(state)) {
        task.finish();
      } else {
        String after = task.isDone() ? " after its done line" : "";
        task.fail(
            SlurmStates.kind(state),
            t.name() + ": slurm job " + task.jobId() + " " + state + after + logTail(i));
      }
      open.remove(i);
    }
  }

  private String logTail(int task) {
    Remote.Output o =
        Remote.tryRun(
            t.shell()
                .script("tail -n 5 " + Shell.quote(dir + "/task-" + task + ".log"))
                .withTimeout(Remote.SHORT));
    return o.stdout().isEmpty() ? "" : "; task log tail:\n" + String.join("\n", o.stdout());
  }

  /**
   * A task whose hello names another tokbench: every task runs the same bundle with the same java,
   * so the whole array is cancelled and each open task gets the failed row naming both versions.
   */
  private boolean otherVersion(String id, Map<Integer, SlurmTask> open) {
    SlurmTask other =
        open.values().stream().filter(SlurmTask::isOtherVersion).findFirst().orElse(null);
    if (other == null) return false;
    Remote.tryRun(t.shell().script("scancel " + id));
    String why = other.otherVersionReason() + "; scancel " + id;
    open.values().forEach(task -> task.fail("version", why));
    open.clear();
    return true;
  }

  private void lostContact(String id, Map<Integer, SlurmTask> open) {
    Remote.tryRun(t.shell().script("scancel " + id));
    String why =
        t.name() + ": squeue failed " + SQUEUE_FAILURES_ALLOWED + " times in a row; scancel " + id;
    open.values().forEach(task -> task.fail("slurm-lost", why));
  }
}
