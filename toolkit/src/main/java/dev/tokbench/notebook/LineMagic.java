package dev.tokbench.notebook;

/**
 * A line magic ({@code %name args} on a line of its own in a cell), e.g. {@code %jars}. Register
 * more with {@code evaluator.magics().register("name", magic)}.
 */
@FunctionalInterface
public interface LineMagic {
  /**
   * Runs the magic.
   *
   * @param evaluator the evaluator running the cell
   * @param args the rest of the line after the magic's name, trimmed
   * @param listener where the cell's output goes
   * @return a value to show if the magic ends the cell, or null
   * @throws Exception when the magic fails; the cell fails with its message
   */
  Object run(Evaluator evaluator, String args, CellListener listener) throws Exception;
}
