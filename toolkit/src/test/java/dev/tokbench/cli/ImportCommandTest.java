package dev.tokbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.formats.Import;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.ResultsFile;
import dev.tokbench.testing.RunFixtures;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tokbench import}: idempotent, told what a bare log lacks, strict about --format. */
class ImportCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliRun.run(out, err, args);
  }

  @Test
  void theSameFileImportedTwiceIsAddedOnceAndTheSecondTimeSaysSo() throws Exception {
    Path results = dir.resolve("results.csv");
    Path json = RunFixtures.path("llama-bench/cpu-tiny.json");
    Path copy = Files.copy(json, dir.resolve("renamed.json"));

    assertThat(run("import", "--out", results.toString(), json.toString())).isZero();
    assertThat(run("import", "--out", results.toString(), copy.toString())).isZero();

    List<BenchResult> rows = ResultsFile.read(results);
    assertThat(rows).hasSize(8);
    assertThat(rows.get(0).provenance())
        .containsEntry(Import.SOURCE_HASH, Import.sha256(json))
        .containsEntry("source_file", "cpu-tiny.json");
    assertThat(err.toString())
        .contains("skipped " + copy + ": already imported (sha256 ")
        .contains("nothing new to import");
  }

  @Test
  void mergingAResultsFileSkipsRowsFromFilesAlreadyImported() throws Exception {
    Path first = dir.resolve("first.jsonl");
    Path all = dir.resolve("all.csv");
    Path json = RunFixtures.path("llama-bench/cpu-tiny.json");
    assertThat(run("import", "--out", first.toString(), json.toString())).isZero();
    assertThat(run("import", "--out", all.toString(), json.toString())).isZero();

    assertThat(run("import", "--out", all.toString(), first.toString())).isZero();

    assertThat(ResultsFile.read(all)).hasSize(8);
    assertThat(err.toString()).contains("skipped " + first + ": 8 rows from files already");
  }

  @Test
  void aBareTinygradLogTakesModelQuantBackendAndDeviceFromTheCommandLine() throws Exception {
    // the log alone, without the .meta.json and env.txt that name them
    Path log = Files.copy(RunFixtures.path("tinygrad/cuda_q4km.log"), dir.resolve("run.log"));
    Path results = dir.resolve("r.jsonl");

    int code =
        run(
            "import",
            "--out",
            results.toString(),
            "--model",
            "llama-3.2-1b",
            "--quant",
            "Q4_K_M",
            "--backend",
            "CUDA",
            "--device",
            "NVIDIA H100 80GB HBM3",
            log.toString());

    assertThat(code).as(err.toString()).isZero();
    BenchResult row = ResultsFile.read(results).get(0);
    assertThat(row.ok()).isTrue();
    assertThat(row.framework()).isEqualTo("tinygrad");
    assertThat(row.model()).isEqualTo("llama-3.2-1b");
    assertThat(row.quant()).isEqualTo("Q4_K_M");
    assertThat(row.backend()).isEqualTo("CUDA");
    assertThat(row.device()).isEqualTo("NVIDIA H100 80GB HBM3");
  }

  @Test
  void aFormatTheContentIsNotIsAnErrorNamingBothAndNothingIsWritten() throws Exception {
    Path results = dir.resolve("r.csv");
    Path json = RunFixtures.path("llama-bench/cpu-tiny.json");

    int code = run("import", "--format", "tinygrad", "--out", results.toString(), json.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--format tinygrad, but the content is llama-bench json")
        .contains("use --format json or --format auto");
    assertThat(results).doesNotExist();
  }
}
