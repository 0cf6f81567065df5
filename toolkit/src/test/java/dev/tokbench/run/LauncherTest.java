package dev.tokbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
  @TempDir Path dir;

  @Test
  void timeoutKillsTheWholeTreeIncludingTheGrandchild() throws Exception {
    Path script = Scripts.install(dir, "spawn-sleeper.sh");
    List<String> out = new ArrayList<>();

    ProcessOutcome o =
        Launcher.run(
            ProcessSpec.of(script.toString()).withTimeout(Duration.ofSeconds(1)), out::add);

    assertThat(o.timedOut()).isTrue();
    assertThat(o.succeeded()).isFalse();
    assertThat(o.failureReason()).startsWith("timed out after").contains("process tree killed");
    long childPid = Long.parseLong(out.get(0).substring("child ".length()));
    Optional<ProcessHandle> child = ProcessHandle.of(childPid);
    if (child.isPresent()) child.get().onExit().get(5, TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive))
        .isIn(Optional.empty(), Optional.of(false));
  }

  @Test
  void bothStreamsReachTheLogAndTheListenerLineByLine() throws Exception {
    Path script = Scripts.install(dir, "streams.sh");
    Path log = dir.resolve("logs/run.log");
    List<String> out = new ArrayList<>();
    List<String> err = new ArrayList<>();

    ProcessOutcome o =
        Launcher.run(
            ProcessSpec.of(script.toString()).withLog(log),
            new OutputListener() {
              @Override
              public void stdout(String line) {
                out.add(line);
              }

              @Override
              public void stderr(String line) {
                err.add(line);
              }
            });

    assertThat(out).containsExactly("first out", "second out");
    assertThat(err)
        .containsExactly(" 10%|#         |", " 50%|#####     |", "100%|##########|", "boom");
    assertThat(o.exitCode()).isEqualTo(3);
    assertThat(o.failureReason()).startsWith("exit 3; stderr tail:").endsWith("boom");
    assertThat(Files.readAllLines(log)).contains("out| first out", "err| boom", "out| second out");
  }

  @Test
  void aMissingBinaryIsAnOutcomeNotAnException() {
    ProcessOutcome o = Launcher.run(ProcessSpec.of("/nonexistent/llama-bench", "-h"), line -> {});

    assertThat(o.succeeded()).isFalse();
    assertThat(o.startError()).contains("/nonexistent/llama-bench");
    assertThat(o.failureReason()).startsWith("could not start: ");
  }

  @Test
  void aProcessKilledBySignalSaysWhichSignal() {
    ProcessOutcome o = Launcher.run(ProcessSpec.of("sh", "-c", "kill -SEGV $$"), line -> {});

    assertThat(o.exitCode()).isEqualTo(139);
    assertThat(o.failureReason()).startsWith("exit 139 (signal 11)");
  }

  @Test
  void environmentAndWorkingDirectoryAreApplied() {
    List<String> out = new ArrayList<>();
    ProcessSpec spec =
        ProcessSpec.of("sh", "-c", "echo \"$DEV $JITBEAM\"; pwd")
            .withEnv("DEV", "CUDA")
            .withEnv("JITBEAM", "2")
            .withWorkDir(dir);

    assertThat(Launcher.run(spec, out::add).succeeded()).isTrue();
    assertThat(out).containsExactly("CUDA 2", dir.toString());
    assertThat(spec.commandLine())
        .isEqualTo("DEV=CUDA JITBEAM=2 sh -c 'echo \"$DEV $JITBEAM\"; pwd'");
  }
}
