package dev.tokbench.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.testing.Scripts;
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
    assertThat(o.signal()).hasValue(11);
    assertThat(o.failureReason())
        .startsWith("killed by SIGSEGV: segmentation fault (signal 11, exit 139)");
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

  @Test
  void aSlowListenerDoesNotHoldUpTheProcess() {
    // 2.2 MB is far more than a pipe holds: the process can only finish writing and touch the file
    // while the listener is stuck on the first line if the launcher keeps emptying the pipe.
    Path done = dir.resolve("done");
    ProcessSpec spec =
        ProcessSpec.of("sh", "-c", "yes 0123456789 | head -n 200000; touch '" + done + "'");
    List<Boolean> finishedBeforeFirstLineWasHandled = new ArrayList<>();
    int[] lines = {0};

    ProcessOutcome o =
        Launcher.run(
            spec,
            line -> {
              if (lines[0]++ == 0) finishedBeforeFirstLineWasHandled.add(waitFor(done));
            });

    assertThat(o.succeeded()).isTrue();
    assertThat(finishedBeforeFirstLineWasHandled).containsExactly(true);
    assertThat(lines[0]).isEqualTo(200000);
  }

  @Test
  void aFailingListenerKillsTheTreeAndItsErrorReachesTheCaller() throws Exception {
    Path script = Scripts.install(dir, "spawn-sleeper.sh");
    long[] child = {0};

    assertThatThrownBy(
            () ->
                Launcher.run(
                    ProcessSpec.of(script.toString()),
                    line -> {
                      child[0] = Long.parseLong(line.substring("child ".length()));
                      throw new IllegalStateException("results store: disk full");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("results store: disk full");
    Optional<ProcessHandle> h = ProcessHandle.of(child[0]);
    if (h.isPresent()) h.get().onExit().get(5, TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(child[0]).map(ProcessHandle::isAlive))
        .isIn(Optional.empty(), Optional.of(false));
  }

  @Test
  void endlessOutputWithoutANewlineIsCutNotHeldWhole() {
    List<String> out = new ArrayList<>();

    ProcessOutcome o =
        Launcher.run(
            ProcessSpec.of("sh", "-c", "yes | tr -d '\\n'").withTimeout(Duration.ofSeconds(1)),
            out::add);

    assertThat(o.timedOut()).isTrue();
    assertThat(out).hasSize(1);
    assertThat(out.get(0))
        .startsWith("y".repeat(1000))
        .matches(
            "(?s)y{"
                + LineSplitter.MAX_LINE_BYTES
                + "} \\[tokbench: \\d+ more bytes of this line dropped]");
  }

  @Test
  void anInterruptedCallerGetsTheTreeKilledAndKeepsItsInterruptFlag() throws Exception {
    // a notebook cell's interrupt reaches the thread that runs the benchmark
    Path script = Scripts.install(dir, "spawn-sleeper.sh");
    List<String> out = new ArrayList<>();
    ProcessOutcome[] outcome = {null};
    boolean[] flag = {false};
    Thread caller =
        new Thread(
            () -> {
              outcome[0] =
                  Launcher.run(
                      ProcessSpec.of(script.toString()),
                      line -> {
                        out.add(line);
                        Thread.currentThread().interrupt(); // as if the user pressed stop now
                      });
              flag[0] = Thread.currentThread().isInterrupted();
            });

    caller.start();
    caller.join(TimeUnit.SECONDS.toMillis(60));

    assertThat(caller.isAlive()).isFalse();
    assertThat(outcome[0].interrupted()).isTrue();
    assertThat(outcome[0].timedOut()).isFalse();
    assertThat(outcome[0].failureReason()).startsWith("interrupted after").contains("killed");
    assertThat(flag[0]).isTrue();
    long childPid = Long.parseLong(out.get(0).substring("child ".length()));
    Optional<ProcessHandle> child = ProcessHandle.of(childPid);
    if (child.isPresent()) child.get().onExit().get(5, TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive))
        .isIn(Optional.empty(), Optional.of(false));
  }

  @Test
  void aBareNameIsFoundInThePathTheRunSets() throws Exception {
    // tinygrad's "python3" from a virtualenv: PATH is set for the run, not for this JVM
    Path bin = Files.createDirectories(dir.resolve("venv/bin"));
    Path fake = Files.writeString(bin.resolve("tokbench-fake-python"), "#!/bin/sh\necho venv\n");
    fake.toFile().setExecutable(true);
    List<String> out = new ArrayList<>();

    ProcessOutcome o =
        Launcher.run(
            ProcessSpec.of("tokbench-fake-python")
                .withEnv("PATH", bin + ":" + System.getenv("PATH")),
            out::add);

    assertThat(o.succeeded()).as(o.toString()).isTrue();
    assertThat(out).containsExactly("venv");
  }

  private static boolean waitFor(Path file) {
    for (int i = 0; i < 600 && !Files.exists(file); i++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return Files.exists(file);
  }
}
