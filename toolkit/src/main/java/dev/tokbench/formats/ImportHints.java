package dev.tokbench.formats;

import dev.tokbench.results.BenchResult;

/**
 * What the user says about a saved output that the output itself does not: {@code tokbench import
 * --model llama-3.2-1b --quant Q4_K_M --backend CUDA --device "NVIDIA H100 80GB HBM3" run.log}.
 * Each fills the field only where a row left it empty; a value the output printed is kept.
 *
 * @param model the model's name, or empty
 * @param quant the quantization, or empty
 * @param backend the backend, or empty
 * @param device the device, or empty
 */
public record ImportHints(String model, String quant, String backend, String device) {
  /** Nothing said. */
  public static final ImportHints NONE = new ImportHints("", "", "", "");

  public ImportHints {
    model = model == null ? "" : model.strip();
    quant = quant == null ? "" : quant.strip();
    backend = backend == null ? "" : backend.strip();
    device = device == null ? "" : device.strip();
  }

  /** {@code row} with its empty fields filled from these hints. */
  public BenchResult fill(BenchResult row) {
    if (this.equals(NONE)) return row;
    String m = row.model().isEmpty() ? model : row.model();
    String q = row.quant().isEmpty() ? quant : row.quant();
    return row.toBuilder()
        .model(m, q)
        .backend(row.backend().isEmpty() ? backend : row.backend())
        .device(row.device().isEmpty() ? device : row.device())
        .build();
  }
}
