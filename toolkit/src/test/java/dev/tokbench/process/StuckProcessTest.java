package dev.tokbench.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.testing.Scripts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that prints nothing and uses no CPU for the stall limit is hung and killed with its
 * children; one that is silent but computing, or whose GPU is busy, is only slow.
 */
class StuckProcessTest {
  private static final Duration STALL = Duration.ofSeconds(1);
  @TempDir Path dir;

  @Test
  void aSilentIdleTreeIsKilledAsHungNotAsTimedOut() throws Exception {
    Path script = Scripts.install(dir, "spawn-sleeper.sh");
    List<String> out = new ArrayList<>();

    ProcessOutcome o =
        Launcher.run(
            ProcessSpec.of(script.toString()).withTimeout(Duration.ofSeconds(60)).withStall(STALL),
            out::add);

    assertThat(o.hung()).isTrue();
    assertThat(o.timedOut()).isFalse();
    assertThat(o.succeeded()).isFalse();
    assertThat(o.failureReason())
        .startsWith("hung: no output and no CPU or GPU progress for 1 s, process tree killed");
    long childPid = Long.parseLong(out.get(0).substring("child ".length()));
    Optional<ProcessHandle> child = ProcessHandle.of(childPid);
    if (child.isPresent()) child.get().onExit().get(5, TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive))
        .isIn(Optional.empty(), Optional.of(false));
  }

  @Test
  void aSilentProcessThatComputesIsSlowNotHung() {
    ProcessSpec busy =
        ProcessSpec.of("sh", "-c", "while :; do :; done")
            .withTimeout(Duration.ofSeconds(3))
            .withStall(STALL);

    ProcessOutcome o = Launcher.run(busy, line -> {});

    assertThat(o.hung()).isFalse();
    assertThat(o.timedOut()).isTrue();
    assertThat(o.failureReason()).startsWith("timed out after");
  }

  @Test
  void aBusyGpuKeepsASilentIdleProcessAlive() {
    AtomicInteger asked = new AtomicInteger();
    GpuActivity computing =
        pids -> {
          asked.incrementAndGet();
          return !pids.isEmpty();
        };

    ProcessOutcome o =
        Launcher.run(
            ProcessSpec.of("sleep", "30").withTimeout(Duration.ofSeconds(3)).withStall(STALL),
            line -> {},
            computing);

    assertThat(o.hung()).isFalse();
    assertThat(o.timedOut()).isTrue();
    assertThat(asked.get()).isPositive();
  }

  @Test
  void outputCountsAsProgress() {
    ProcessSpec ticking =
        ProcessSpec.of("sh", "-c", "for i in 1 2 3 4 5 6 7 8; do echo $i; sleep 0.3; done")
            .withStall(STALL);
    List<String> out = new ArrayList<>();

    ProcessOutcome o = Launcher.run(ticking, out::add);

    assertThat(o.succeeded()).isTrue();
    assertThat(out).hasSize(8);
  }

  @Test
  void withoutAStallLimitASilentProcessWaitsForItsTimeout() {
    ProcessOutcome o =
        Launcher.run(ProcessSpec.of("sleep", "30").withTimeout(Duration.ofSeconds(2)), l -> {});

    assertThat(o.hung()).isFalse();
    assertThat(o.timedOut()).isTrue();
  }

  @Test
  void linesArriveStampedInOrderOnTheReadersClock() {
    long before = System.nanoTime();
    List<Long> stamps = new ArrayList<>();
    ProcessOutcome o =
        Launcher.run(
            ProcessSpec.of("sh", "-c", "echo a; sleep 0.2; echo b >&2; sleep 0.2; echo c"),
            new OutputListener() {
              @Override
              public void stdout(String line) {}

              @Override
              public void stdout(String line, long at) {
                stamps.add(at);
              }

              @Override
              public void stderr(String line, long at) {
                stamps.add(at);
              }
            });
    long after = System.nanoTime();

    assertThat(o.succeeded()).isTrue();
    assertThat(stamps).hasSize(3).isSorted();
    assertThat(stamps.get(0)).isBetween(before, after);
    assertThat(stamps.get(2)).isBetween(before, after).isGreaterThan(stamps.get(0));
  }

  @Test
  void anIllegalInstructionIsNamed() {
    ProcessOutcome o = Launcher.run(ProcessSpec.of("sh", "-c", "kill -ILL $$"), line -> {});

    assertThat(o.signal()).hasValue(4);
    assertThat(o.ending()).isEqualTo("killed by SIGILL: illegal instruction (signal 4, exit 132)");
  }
}
