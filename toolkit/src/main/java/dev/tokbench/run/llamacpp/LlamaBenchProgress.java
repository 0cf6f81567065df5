package dev.tokbench.run.llamacpp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Whether a run can add {@code --progress} to llama-bench's arguments: only when it is not there
 * already and this build's {@code --help} names it (llama.cpp added it in 2024; an older build
 * would refuse the whole run over an unknown flag). Asked once per binary and modification time.
 */
final class LlamaBenchProgress {
  private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

  private LlamaBenchProgress() {}

  static boolean addable(Path binary, List<String> args, Map<String, String> env) {
    if (args.contains("--progress")) return false;
    String key;
    try {
      key = binary.toAbsolutePath() + "@" + Files.getLastModifiedTime(binary).toMillis();
    } catch (IOException e) {
      return false; // llama-bench itself will fail and say why
    }
    return KNOWN.computeIfAbsent(key, k -> helpNamesProgress(binary, env));
  }

  private static boolean helpNamesProgress(Path binary, Map<String, String> env) {
    Path out = null;
    try {
      out = Files.createTempFile("tokbench-llama-bench-help", ".txt");
      ProcessBuilder pb =
          new ProcessBuilder(binary.toString(), "--help")
              .redirectErrorStream(true)
              .redirectOutput(out.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly(); // a --help that hangs: run without --progress
        return false;
      }
      byte[] head = new byte[(int) Math.min(Files.size(out), 1 << 20)];
      try (InputStream in = Files.newInputStream(out)) {
        head = in.readNBytes(head.length);
      }
      return new String(head, StandardCharsets.UTF_8).contains("--progress");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      if (out != null) out.toFile().delete();
    }
  }
}
