package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.RunIdentity;
import dev.tokbench.results.Status;
import dev.tokbench.run.llamacpp.LlamaBench;
import dev.tokbench.run.llamacpp.LlamaBenchOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@code run}'s progress line, drawn against a clock the test moves: the tests done of the matrix,
 * the time since the start, the rows and those not ok, and the test llama-bench is on; nothing at
 * all off a terminal. The terminal itself is not tested, the text it is sent is.
 */
class RunProgressTest {
  private final StringWriter text = new StringWriter();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  private static BenchResult ok(String test) {
    return BenchResult.measured("llama.cpp")
        .model("m", "Q4_0")
        .test(test, 512, 0, 0)
        .tokensPerS(100, 1, List.of())
        .build();
  }

  @Test
  void onATerminalTheLineSaysTestsDoneElapsedRowsAndTheTestRunning() {
    RunProgress.Plan plan = new RunProgress.Plan(3, i -> "test " + (i + 1) + ": m.gguf pp" + i);
    RunProgress p =
        new RunProgress(new PrintWriter(text, true), true, "llama-bench", plan, now::get);
    assertThat(p.line()).isEqualTo("[0/3] 0s, 0 rows, running test 1: m.gguf pp0");
    now.addAndGet(5_000_000_000L);
    p.accept(ok("pp0"));
    assertThat(text.toString()).endsWith("\r\u001b[2K[1/3] 5s, 1 row, running test 2: m.gguf pp1");
    now.addAndGet(60_000_000_000L);
    p.accept(BenchResult.failed(RunIdentity.of("llama.cpp", "m"), Status.FAILED, "SIGSEGV"));
    assertThat(p.line()).isEqualTo("[2/3] 1m05s, 2 rows (1 not ok), running test 3: m.gguf pp2");
    p.accept(ok("pp2"));
    assertThat(p.line()).isEqualTo("[3/3] 1m05s, 3 rows (1 not ok)");
    p.close();
    assertThat(text.toString()).endsWith("\r\u001b[2K");
  }

  @Test
  void withoutAPlanItSaysWhatRunsAndOffATerminalNothingIsPrinted() {
    RunProgress p =
        new RunProgress(
                new PrintWriter(text, true), false, "tinygrad", RunProgress.Plan.UNKNOWN, now::get)
            .ticking();
    p.accept(ok("tg128"));
    assertThat(p.line()).isEqualTo("0s, 1 row, running tinygrad");
    p.close();
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void llamaBenchsPlanIsItsMatrixInItsOwnOrder() {
    LlamaBench bench =
        LlamaBench.of(LlamaBenchOptions.DEFAULTS)
            .arg("-m", "models/a.gguf", "-p", "512", "-n", "128", "-fa", "0,1");
    RunProgress.Plan plan = new RunLlamaBenchCommand().plan(bench);
    assertThat(plan.total()).isEqualTo(4);
    assertThat(List.of(plan.at().apply(0), plan.at().apply(1), plan.at().apply(3)))
        .containsExactly("test 1: a.gguf pp512", "test 2: a.gguf tg128", "test 4: a.gguf tg128");
    LlamaBench unknown = LlamaBench.of(LlamaBenchOptions.DEFAULTS).arg("-m", "a.gguf", "-p", "x");
    assertThat(new RunLlamaBenchCommand().plan(unknown).total()).isZero();
  }
}
