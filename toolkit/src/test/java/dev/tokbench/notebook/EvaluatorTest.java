package dev.tokbench.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.display.MimeBundle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  private static Evaluator ev;

  @BeforeAll
  static void start() {
    ev = Evaluator.create();
  }

  @AfterAll
  static void close() {
    ev.close();
  }

  /** Collects what a cell streams. */
  static final class Recorder implements CellListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void stdout(String text) {
      events.add("out:" + text);
    }

    @Override
    public void stderr(String text) {
      events.add("err:" + text);
    }

    @Override
    public void display(MimeBundle bundle) {
      events.add("display:" + bundle.data().keySet() + ":" + bundle.plain());
    }
  }

  @Test
  void lastExpressionIsTheRealObject() {
    CellResult r = ev.eval("var xs = new java.util.ArrayList<Integer>();\nxs.add(4);\nxs");
    assertThat(r.ok()).isTrue();
    assertThat(r.rawValue()).isInstanceOf(java.util.ArrayList.class).asList().containsExactly(4);
    assertThat(r.value().orElseThrow().plain()).isEqualTo("[4]");
  }

  @Test
  void trailingSemicolonHidesTheValue() {
    CellResult r = ev.eval("40 + 2;");
    assertThat(r.ok()).isTrue();
    assertThat(r.value()).isEmpty();
  }

  @Test
  void stdoutStderrAndDisplayStreamInOrder() {
    Recorder rec = new Recorder();
    CellResult r =
        ev.eval(
            "System.out.print(\"a\");\ndisplay(Display.markdown(\"*m*\"));\n"
                + "System.err.println(\"e\");\nSystem.out.println(\"b\");",
            rec);
    assertThat(r.ok()).isTrue();
    assertThat(rec.events)
        .containsExactly("out:a", "display:[text/plain, text/markdown]:*m*", "err:e\n", "out:b\n");
  }

  @Test
  void compileErrorNamesCellLineAndColumnWithoutWrapperNames() {
    CellResult r = ev.eval("int ok = 1;\n\n  String s = undefinedThing + 1;");
    CellError e = r.error().orElseThrow();
    assertThat(e.kind()).isEqualTo(CellError.Kind.COMPILATION);
    assertThat(e.message()).startsWith("line 3, column 14: cannot find symbol");
    assertThat(String.join("\n", e.traceback())).doesNotContain("$JShell$").contains("^");
  }

  @Test
  void exceptionTraceNamesTheCellAndLineOfEachFrame() {
    assertThat(ev.eval("void fail(String why) {\n  throw new IllegalStateException(why);\n}").ok())
        .isTrue();
    int failCell = ev.cellNumber();
    CellError e = ev.eval("int before = 1;\nfail(\"no\")").error().orElseThrow();
    assertThat(e.name()).isEqualTo("java.lang.IllegalStateException");
    assertThat(e.message()).isEqualTo("no");
    assertThat(e.traceback())
        .containsExactly(
            "java.lang.IllegalStateException: no",
            "\tat fail(cell " + failCell + ", line 2)",
            "\tat cell " + (failCell + 1) + ", line 2");
  }

  @Test
  void systemExitFailsTheCellNotTheJvm() {
    CellError e = ev.eval("System.out.println(1);\nSystem.exit(3);").error().orElseThrow();
    assertThat(e.name()).isEqualTo(CellExitException.class.getName());
    assertThat(e.message()).contains("System.exit(3)");
    assertThat(ev.eval("java.util.function.IntConsumer q = System::exit;\nq.accept(4)").error())
        .get()
        .extracting(CellError::message)
        .asString()
        .contains("System.exit(4)");
  }

  @Test
  void timeoutStopsATightLoopAndTheEvaluatorStaysUsable() {
    CellResult r =
        ev.eval(
            "int spins = 0;\nwhile (true) { spins++; }", CellListener.NONE, Duration.ofMillis(300));
    assertThat(r.error().orElseThrow().kind()).isEqualTo(CellError.Kind.TIMEOUT);
    assertThat(r.error().orElseThrow().message()).contains("0.3 s");
    assertThat(ev.eval("1 + 2").rawValue()).isEqualTo(3);
  }

  @Test
  void stopFromAnotherThreadEndsASleepAndLaterSnippetsDoNotRun() throws Exception {
    Thread stopper =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                return;
              }
              ev.stop();
            });
    stopper.start();
    CellResult r = ev.eval("Thread.sleep(60_000);\nint afterSleep = 1;");
    stopper.join();
    assertThat(r.error().orElseThrow().kind()).isEqualTo(CellError.Kind.STOPPED);
    assertThat(ev.eval("afterSleep").ok()).isFalse();
  }

  @Test
  void unknownMagicIsAnErrorListingTheKnownOnes() {
    CellError e = ev.eval("%nonesuch 1 2").error().orElseThrow();
    assertThat(e.kind()).isEqualTo(CellError.Kind.MAGIC);
    assertThat(e.message()).contains("%nonesuch").contains("%jars").contains("%load");
  }

  @Test
  void registeredMagicRunsAndItsValueEndsTheCell() {
    ev.magics().register("twice", (evaluator, args, out) -> args + args);
    CellResult r = ev.eval("int unused = 0;\n%twice ab");
    assertThat(r.rawValue()).isEqualTo("abab");
  }

  @Test
  void incompleteCodeIsReportedWhereItStarts() {
    CellError e = ev.eval("int a = 1;\nif (a > 0) {\n  a++;\n").error().orElseThrow();
    assertThat(e.kind()).isEqualTo(CellError.Kind.INCOMPLETE);
    assertThat(e.message()).startsWith("line 2, column 1");
  }

  @Test
  void toolkitClassesInCellsAreTheHostsClasses() {
    CellResult r = ev.eval("dev.tokbench.gguf.GgmlType.Q4_K");
    assertThat(r.rawValue()).isSameAs(dev.tokbench.gguf.GgmlType.Q4_K);
  }
}
