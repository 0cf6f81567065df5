package dev.tokbench.report;

import dev.tokbench.results.BenchResult;
import dev.tokbench.results.FlashAttention;
import dev.tokbench.results.ResultsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fleet-shaped data folder whose tables and rows are longer than a page shows. */
final class FleetFolder {
  private FleetFolder() {}

  /**
   * A fleet's folder in small: 30 models × 2 quantizations × FA off/on × pp512/tg128 × 3 thread
   * counts (360 rows of the llama.cpp table, 1,440 rows in all), each configuration in two runs of
   * one results file, on a device of the catalogue.
   */
  static Path of(Path folder) throws IOException {
    Files.createDirectories(folder.resolve("runs"));
    Files.writeString(
        folder.resolve("device.csv"),
        "device,theoretical_bandwidth_gb_per_s,practical_bandwidth_gb_per_s,source\n"
            + "NVIDIA H200,,,catalogue\n");
    List<BenchResult> rows = new ArrayList<>();
    // tests outermost: a row of the llama.cpp table shows a pp512 figure from the first half of
    // the file and a tg128 figure from the second
    for (String test : List.of("pp512", "tg128")) {
      for (String threads : List.of("4", "8", "16")) {
        for (String quant : List.of("Q4_K_M", "Q8_0")) {
          for (FlashAttention fa : List.of(FlashAttention.OFF, FlashAttention.ON)) {
            for (int m = 0; m < 30; m++) {
              for (int run = 0; run < 2; run++) {
                rows.add(row(m, quant, fa, test, threads, run));
              }
            }
          }
        }
      }
    }
    ResultsCsv.write(folder.resolve("runs/results.csv"), rows);
    return folder;
  }

  private static BenchResult row(
      int m, String quant, FlashAttention fa, String test, String threads, int run) {
    boolean pp = test.equals("pp512");
    double rate = (pp ? 9000 : 250) * (1 + m / 20.0) * (fa == FlashAttention.ON ? 1.1 : 1);
    List<Double> samples = List.of(rate + run, rate + run + 1, rate + run + 2);
    return BenchResult.measured("llama.cpp")
        .backend("CUDA")
        .model("model-" + m, quant)
        .test(test, pp ? 512 : 0, pp ? 0 : 128, 0)
        .flashAttn(fa)
        .tokensPerS(rate + run + 1, 1, samples)
        .size(800_000_000L + m * 10_000_000L, 1_200_000_000L + m * 100_000_000L)
        .device("NVIDIA H200")
        .flags(Map.of("n_threads", threads, "n_gpu_layers", "99"))
        .provenance(Map.of("build_commit", "aaaaaaa", "run", Integer.toString(run)))
        .build();
  }
}
