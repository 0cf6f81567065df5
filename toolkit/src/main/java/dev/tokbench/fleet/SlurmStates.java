package dev.tokbench.fleet;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The states of a job array's tasks, from one {@code scontrol -o show job ID} (a line per task):
 * {@code CANCELLED (Reason=None, ExitCode=0:15)}. One command for every task that ended in a poll,
 * not one per task.
 */
final class SlurmStates {
  static final String UNKNOWN = "ended, state unknown (slurmctld no longer knows the job)";

  /**
   * States in which Slurm ended the task itself: its signal reaches the benchmark and the remote
   * tokbench at once, so even a task that printed its done line may hold rows its signal cut short
   * (a benchmark "killed by signal 15"). Such a point is run again.
   */
  private static final List<String> ENDED_BY_SLURM =
      List.of("CANCELLED", "TIMEOUT", "PREEMPTED", "NODE_FAIL", "DEADLINE", "BOOT_FAIL");

  private static final Pattern FIELD = Pattern.compile("\\b(\\w+)=(\\S*)");

  private final Map<Integer, String> states;

  private SlurmStates(Map<Integer, String> states) {
    this.states = states;
  }

  /** The states of array {@code id}'s tasks slurmctld still knows. */
  static SlurmStates of(Target t, String id) {
    Remote.Output o =
        Remote.tryRun(t.shell().script("scontrol -o show job " + id).withTimeout(Remote.SHORT));
    Map<Integer, String> states = new HashMap<>();
    if (o.outcome().succeeded()) {
      for (String line : o.stdout()) {
        Map<String, String> f = fields(line);
        String task = f.getOrDefault("ArrayTaskId", "");
        if (id.equals(f.get("ArrayJobId")) && task.matches("[0-9]+") && f.containsKey("JobState")) {
          String state = f.get("JobState");
          String why = " (Reason=" + f.get("Reason") + ", ExitCode=" + f.get("ExitCode") + ")";
          states.put(Integer.parseInt(task), state + why);
        }
      }
    }
    return new SlurmStates(states);
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> f = new HashMap<>();
    Matcher m = FIELD.matcher(line);
    while (m.find()) f.putIfAbsent(m.group(1), m.group(2));
    return f;
  }

  /** Task {@code task}'s state, or {@link #UNKNOWN}. */
  String of(int task) {
    return states.getOrDefault(task, UNKNOWN);
  }

  /** Still to run or running: squeue had not caught up. */
  static boolean stillQueued(String state) {
    return state.startsWith("PENDING")
        || state.startsWith("RUNNING")
        || state.startsWith("COMPLETING");
  }

  static boolean endedBySlurm(String state) {
    return ENDED_BY_SLURM.stream().anyMatch(state::startsWith);
  }

  /** {@code slurm-cancelled} for {@code CANCELLED (...)}. */
  static String kind(String state) {
    return "slurm-" + state.split(" ")[0].toLowerCase(Locale.ROOT);
  }
}
