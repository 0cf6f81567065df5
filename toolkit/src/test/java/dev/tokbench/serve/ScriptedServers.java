package dev.tokbench.serve;

import java.io.IOException;
import java.nio.file.Path;

/** The scripted server for tests outside this package (the command line's). */
public final class ScriptedServers {
  private ScriptedServers() {}

  /**
   * A server whose every request streams max_tokens chunks: the first after ttftMs, then one per
   * gapMs.
   */
  public static ScriptedSseServer steady(long ttftMs, long gapMs) throws IOException {
    return new ScriptedSseServer(n -> Script.steady(ttftMs, gapMs, -1));
  }

  /**
   * A shell command that runs the scripted server in a JVM of its own, taking llama-server's {@code
   * --port} (see {@link ScriptedSseServer#main}).
   */
  public static String javaCommand() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return quote(java.toString())
        + " -cp "
        + quote(System.getProperty("java.class.path"))
        + " "
        + ScriptedSseServer.class.getName();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
