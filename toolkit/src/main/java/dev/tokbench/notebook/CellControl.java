package dev.tokbench.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process execution, extended in two ways. Each snippet's {@code do_it$} method is
 * called through a trampoline that keeps the real result object, so the evaluator can render it
 * rather than JShell's string of it. And every loaded class has its {@code System.exit} calls
 * redirected by {@link ExitTrap}. Stopping ({@code JShell.stop()}) is LocalExecutionControl's own:
 * it runs snippets on threads of one group and stops that group, which ends even {@code while
 * (true) {}} and {@code Thread.sleep}.
 */
final class CellControl extends LocalExecutionControl {
  /** The snippet call under way; inherited by the snippet thread LocalExecutionControl starts. */
  private static final InheritableThreadLocal<Call> CALL = new InheritableThreadLocal<>();

  private static final Method TRAMPOLINE = trampoline();

  private volatile Call last = new Call(null);

  /** One invocation of a snippet and what it returned. */
  static final class Call {
    final Method doit;
    volatile Object result;

    Call(Method doit) {
      this.doit = doit;
    }
  }

  /** The most recent snippet invocation. */
  Call last() {
    return last;
  }

  @Override
  protected String invoke(Method doit) throws Exception {
    Call call = new Call(doit);
    last = call;
    CALL.set(call);
    try {
      return super.invoke(TRAMPOLINE);
    } finally {
      CALL.remove();
    }
  }

  @Override
  public void load(ClassBytecodes[] classes)
      throws ClassInstallException, NotImplementedException, EngineTerminationException {
    super.load(trapped(classes));
  }

  @Override
  public void redefine(ClassBytecodes[] classes)
      throws ClassInstallException, NotImplementedException, EngineTerminationException {
    super.redefine(trapped(classes));
  }

  private static ClassBytecodes[] trapped(ClassBytecodes[] classes) {
    ClassBytecodes[] out = new ClassBytecodes[classes.length];
    for (int i = 0; i < classes.length; i++) {
      out[i] = new ClassBytecodes(classes[i].name(), ExitTrap.patch(classes[i].bytecodes()));
    }
    return out;
  }

  /** Called reflectively on the snippet thread in place of the snippet's {@code do_it$}. */
  static Object call() throws Throwable {
    Call call = CALL.get();
    try {
      call.result = call.doit.invoke(null);
      return call.result;
    } catch (InvocationTargetException e) {
      throw e.getCause(); // re-wrapped once by the caller, as if do_it$ had thrown it
    }
  }

  private static Method trampoline() {
    try {
      Method m = CellControl.class.getDeclaredMethod("call");
      m.setAccessible(true);
      return m;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hands JShell a {@link CellControl} and keeps it, so the evaluator can reach it. */
  static final class Provider implements ExecutionControlProvider {
    private volatile CellControl control;

    @Override
    public String name() {
      return "tokbench-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      control = new CellControl();
      return control;
    }

    CellControl control() {
      return control;
    }
  }
}
