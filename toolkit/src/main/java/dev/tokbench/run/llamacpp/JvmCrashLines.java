package dev.tokbench.run.llamacpp;

import java.util.regex.Pattern;

/**
 * The lines of a JVM's fatal error report (HotSpot's {@code #}-framed banner, printed on stdout
 * when the JVM dies of a signal in native code or runs out of native memory) that say why, as
 * {@code hs_err: }-lines {@link dev.tokbench.run.FailureLines} keeps: the signal and where, the
 * problematic frame, the native allocation that failed, the report file. Every other {@code #} line
 * stays a frame line, which it passes over. One per launch: a heading's value is on the line after
 * it.
 */
final class JvmCrashLines {
  /** {@code # SIGSEGV (0xb) at pc=0x00007f…, pid=…, tid=…}. */
  private static final Pattern SIGNAL = Pattern.compile("^SIG[A-Z]+ \\(0x[0-9a-f]+\\) at pc=");

  private static final Pattern SAYS_WHY =
      Pattern.compile(
          "^(Internal Error|Out of Memory Error|Native memory allocation)"
              + "|insufficient memory for the Java Runtime");

  private String heading = "";

  /** {@code line} as a {@code hs_err: } line when it explains the crash, else unchanged. */
  String explaining(String line) {
    String l = line.strip();
    if (!l.startsWith("#")) {
      heading = "";
      return line;
    }
    String text = l.substring(1).strip();
    if (!heading.isEmpty()) {
      String h = heading;
      heading = "";
      if (!text.isEmpty()) return "hs_err: " + h + text;
    }
    if (text.equals("Problematic frame:")) heading = "problematic frame: ";
    else if (text.startsWith("An error report file with more information is saved as"))
      heading = "report ";
    else if (SIGNAL.matcher(text).find() || SAYS_WHY.matcher(text).find()) return "hs_err: " + text;
    return line;
  }
}
