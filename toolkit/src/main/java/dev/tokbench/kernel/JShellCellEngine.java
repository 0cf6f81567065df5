package dev.tokbench.kernel;

import dev.tokbench.kernel.maven.Maven;
import dev.tokbench.notebook.CellListener;
import dev.tokbench.notebook.CellResult;
import dev.tokbench.notebook.Evaluator;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The kernel's {@link CellEngine} on the notebook runner's {@link Evaluator}: the same JShell
 * evaluation, display layer and magics as {@code tokbench notebook run}, plus the kernel's own
 * magics ({@code %time}, {@code %maven}) and the editor requests answered by {@link CellAnalysis}.
 */
public final class JShellCellEngine implements CellEngine {
  private final Evaluator evaluator;
  private final CellAnalysis analysis;
  private final Maven maven;

  /** An engine whose relative paths start at the kernel's working directory (the notebook's). */
  public JShellCellEngine() {
    this(Evaluator.in(Path.of("")));
  }

  public JShellCellEngine(Evaluator evaluator) {
    this(evaluator, Maven.fromSettings());
  }

  /**
   * An engine whose {@code %maven} resolves with {@code maven} (e.g. offline, another repository).
   */
  public JShellCellEngine(Evaluator evaluator, Maven maven) {
    this.evaluator = evaluator;
    this.maven = maven;
    this.analysis =
        new CellAnalysis(
            evaluator.analysis(),
            evaluator.magics()::names,
            new SourceDocs(JShellCellEngine.class.getClassLoader(), evaluator::classpath));
    KernelMagics.registerInto(evaluator, maven);
  }

  @Override
  public CellOutcome run(String code, CellListener listener) {
    CellResult result = evaluator.eval(code, listener);
    if (result.error().isPresent()) return CellOutcome.failed(result.error().get());
    return result.value().map(v -> CellOutcome.value(v.data())).orElse(CellOutcome.nothing());
  }

  @Override
  public void interrupt() {
    evaluator.stop();
  }

  @Override
  public Completion complete(String code, int cursor) {
    return analysis.complete(code, cursor);
  }

  @Override
  public String isComplete(String code) {
    return analysis.isComplete(code);
  }

  @Override
  public Optional<String> inspect(String code, int cursor) {
    return analysis.inspect(code, cursor);
  }

  @Override
  public void close() {
    maven.close();
    evaluator.close();
  }

  @Override
  public String toString() {
    return "JShellCellEngine[" + evaluator + "]";
  }
}
