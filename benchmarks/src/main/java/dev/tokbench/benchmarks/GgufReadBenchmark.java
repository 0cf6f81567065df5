package dev.tokbench.benchmarks;

import dev.tokbench.gguf.Gguf;
import dev.tokbench.gguf.GgufFile;
import dev.tokbench.gguf.GgufValue;
import dev.tokbench.gguf.GgufValueType;
import dev.tokbench.gguf.ModelSummary;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm parse time of GGUF files, for {@code scripts/bench-gguf}: {@code Gguf.read(path).summary()}
 * (what {@code tokbench gguf inspect} pays: header, metadata, tensor infos, the vocabulary left
 * undecoded), and the same with every metadata array decoded (what parsers that decode eagerly
 * always pay). Sampled, so the script reads the median per file: {@code -p file=a.gguf,b.gguf}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GgufReadBenchmark {
  /** The GGUF file to read. */
  @Param("toolkit/src/test/resources/gguf/small-llama-Q4_K_M.gguf")
  public String file;

  @Benchmark
  public ModelSummary summary() {
    return Gguf.read(Path.of(file)).summary();
  }

  @Benchmark
  public GgufFile summaryWithVocabulary() {
    GgufFile f = Gguf.read(Path.of(file));
    f.summary();
    for (GgufValue v : f.metadata().asMap().values()) {
      if (v.type() == GgufValueType.ARRAY) v.asArray().values();
    }
    return f;
  }
}
