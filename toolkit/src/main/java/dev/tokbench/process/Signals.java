package dev.tokbench.process;

/** POSIX signal names by number, as Linux numbers them, for failure reasons a reader recognises. */
final class Signals {
  private static final String[] NAMES = {
    null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
    "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM"
  };

  private static final String[] MEANINGS = {
    null,
    "hang-up",
    "interrupt",
    "quit",
    "illegal instruction",
    "trap",
    "abort",
    "bus error",
    "arithmetic error",
    "killed; the kernel's out-of-memory killer sends it too",
    null,
    "segmentation fault",
    null,
    "broken pipe",
    null,
    "terminated"
  };

  private Signals() {}

  /** {@code SIGILL: illegal instruction}; {@code signal 40} for one without a name here. */
  static String name(int signal) {
    if (signal <= 0 || signal >= NAMES.length) return "signal " + signal;
    String meaning = MEANINGS[signal];
    return meaning == null ? NAMES[signal] : NAMES[signal] + ": " + meaning;
  }
}
