package dev.tokbench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokbench.memory.BufferSize.Component;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The estimate against every configuration of the H200 memory matrix (llama.cpp built from upstream
 * source with CUDA for sm_90, driver 580.159.04, synthetic models of the real shapes). Tolerances:
 * the target (a total within 2 % or 32 MiB, model and KV the same whole MiB as llama.cpp's
 * table) and, stricter, every buffer within half of the last digit llama.cpp prints (0.005 MiB):
 * partial offload included, where the target alone would hide a layer put on the wrong device only
 * for the smallest models.
 */
class MemoryH200MatrixTest {
  private static final double PRINTED = 0.005 + 1e-9;
  private static final Pattern OFFLOADED =
      Pattern.compile("load_tensors: offloaded (\\d+/\\d+) layers to GPU");
  private static final MemoryLog LOG =
      MemoryLog.read(MemoryFixtures.file(MemoryFixtures.H200_MATRIX));
  private static final List<MemorySection> RUNS =
      LOG.sections().stream().filter(s -> !s.label().startsWith("fit ")).toList();

  /** Each run's estimate, made once: an estimate replays llama.cpp's graph allocator. */
  private static final Map<MemorySection, MemoryPlan> PLANS =
      RUNS.stream()
          .collect(
              Collectors.toMap(
                  s -> s,
                  s -> MemoryComparison.estimateFor(s).plan(),
                  (a, b) -> a,
                  LinkedHashMap::new));

  private static final List<ComponentError> ERRORS =
      RUNS.stream().flatMap(s -> MemoryComparison.of(s, PLANS.get(s)).stream()).toList();

  /** The raw lines the parser does not keep, per section header line. */
  private static final Map<Integer, List<String>> TEXT = rawLines();

  @Test
  void everyRunOfTheMatrixIsComparedOnBothDevices() {
    assertThat(LOG.sections()).hasSize(29);
    assertThat(RUNS).hasSize(27);
    assertThat(ERRORS.stream().map(ComponentError::configuration).distinct().toList())
        .containsExactlyElementsOf(RUNS.stream().map(MemorySection::label).toList());
    assertThat(ERRORS).hasSize(27 * 2 * 4); // CUDA0 and Host; model, kv, compute, self
  }

  @Test
  void everyComponentIsWithinTheTargetAndThePrintedPrecision() {
    assertThat(ERRORS)
        .allSatisfy(
            e -> {
              assertThat(e.withinTarget()).as(e.toString()).isTrue();
              double tolerance = e.component().equals("self") ? 4 * PRINTED : PRINTED;
              assertThat(Math.abs(e.errorMib())).as(e.toString()).isLessThanOrEqualTo(tolerance);
            });
  }

  @Test
  void partialOffloadCountsTheOutputLayerAsOneOfNgl() {
    List<MemorySection> partial =
        RUNS.stream().filter(s -> ngl(s) <= PLANS.get(s).layers()).toList();
    assertThat(partial)
        .extracting(MemoryH200MatrixTest::ngl)
        .containsExactly(8, 12, 8, 0, 8, 12, 12, 20, 20);
    for (MemorySection s : partial) {
      int ngl = ngl(s);
      MeasuredKvCache kv = s.kvCaches().get(s.kvCaches().size() - 1);
      double perLayer = kv.mib() / kv.layers();
      double gpuKv = s.buffer(Component.KV, "CUDA0").map(MeasuredBuffer::mib).orElse(0.0);
      // llama.cpp: i_gpu_start = n_layer + 1 - ngl, so -ngl 8 holds 7 repeating layers and output
      assertThat(gpuKv / perLayer).as(s.label()).isEqualTo(Math.max(ngl - 1, 0));
      MemoryPlan plan = PLANS.get(s);
      assertThat(plan.offloadedLayers()).as(s.label()).isEqualTo(Math.max(ngl - 1, 0));
      assertThat(offloadedLine(s)).as(s.label()).isEqualTo(ngl + "/" + (plan.layers() + 1));
    }
  }

  @Test
  void ourGpuTotalEqualsLlamaCppsOwnFitProjectionToTheMib() {
    for (MemorySection s : RUNS) {
      FitProjection p = s.projections().get(0);
      long ours = PLANS.get(s).device("CUDA0").orElseThrow().selfBytes();
      assertThat(ours >> 20).as(s.label()).isEqualTo(p.usedMib());
    }
  }

  @Test
  void llamaFitParamsAndOurFitSearchAgreeOnTheDefaults() throws IOException {
    List<String> printed = fittedArguments();
    assertThat(printed).containsExactly("-c 131072 -ngl -1", "-c 131072 -ngl -1");
    for (String model : List.of("llama-3.1-8b-Q4_K_M", "llama-3.2-3b-Q6_K")) {
      MemorySection s = LOG.section("fit " + model).orElseThrow();
      FitProjection p = s.projections().get(0);
      String[] shape = MemoryComparison.shapeOf(model).orElseThrow();
      // llama-fit-params: the model's context, all layers, against the free memory less 1 GiB
      MemoryPlan plan = Memory.shape(shape[0], shape[1]).memory(p.freeMib() << 20).plan();
      assertThat(plan.device("CUDA0").orElseThrow().selfBytes() >> 20)
          .as(model)
          .isEqualTo(p.usedMib())
          .isEqualTo(s.breakdown("CUDA0").orElseThrow().selfMib());
      FitCheck fit = plan.fit().orElseThrow();
      assertThat(fit.fits()).as(model).isTrue();
      assertThat(fit.maxContext()).as(model).isEqualTo(131072);
      assertThat(fit.maxGpuLayers()).as(model).isEqualTo(plan.layers() + 1);
    }
  }

  private static int ngl(MemorySection s) {
    return Integer.parseInt(s.setting("ngl").orElse("99"));
  }

  /** {@code load_tensors: offloaded 8/17 layers to GPU}, the last of the section. */
  private static String offloadedLine(MemorySection s) {
    String found = null;
    for (String line : TEXT.get(s.line())) {
      Matcher m = OFFLOADED.matcher(line);
      if (m.find()) found = m.group(1);
    }
    return found;
  }

  /** The lines llama-fit-params prints for the command line, in log order. */
  private static List<String> fittedArguments() {
    List<String> out = new ArrayList<>();
    for (MemorySection s : LOG.sections()) {
      if (s.label().startsWith("fit ")) {
        TEXT.get(s.line()).stream().filter(l -> l.startsWith("-c ")).forEach(out::add);
      }
    }
    return out;
  }

  /** The offload and fitted-arguments lines of the raw log, by the line of their section. */
  private static Map<Integer, List<String>> rawLines() {
    Map<Integer, List<String>> out = new HashMap<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(
                    Files.newInputStream(MemoryFixtures.file(MemoryFixtures.H200_MATRIX))),
                StandardCharsets.UTF_8))) {
      List<String> current = new ArrayList<>();
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.startsWith("== ")) out.put(n, current = new ArrayList<>());
        else if (line.startsWith("-c ") || OFFLOADED.matcher(line).find()) current.add(line);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
