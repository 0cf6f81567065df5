package dev.tokbench.tables;

import dev.tokbench.bandwidth.ByteUnit;
import dev.tokbench.bandwidth.DecodeCeiling;
import dev.tokbench.bandwidth.SplitCeiling;
import dev.tokbench.device.Device;
import dev.tokbench.device.DeviceCatalog;
import dev.tokbench.gguf.GgufFile;
import dev.tokbench.gguf.GgufMetadata;
import dev.tokbench.gguf.GgufModel;
import dev.tokbench.gguf.ModelSummary;
import dev.tokbench.gguf.TensorInfo;
import dev.tokbench.gguf.TypeStats;
import dev.tokbench.results.BenchResult;
import dev.tokbench.results.Comparison;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The toolkit's values as Tablesaw tables, so that notebooks filter, sort, join and plot them: a
 * GGUF file's tensors, metadata and type mix, the device catalogue, decode ceilings, comparisons
 * and result rows. The values themselves know nothing of Tablesaw, so the measurement side runs
 * without it.
 *
 * <pre>{@code
 * Tables.tensors(Gguf.read("model.gguf"))      // name, type, dims, elements, bytes, offset
 * Tables.results(run.rows())                   // the CSV schema's scalar columns
 * }</pre>
 */
public final class Tables {
  private Tables() {}

  /** One row per tensor: name, type, dims, elements, bytes (missing for unknown types), offset. */
  public static Table tensors(GgufFile file) {
    return tensors(file.path().getFileName() + " tensors", file.tensors());
  }

  /** Every shard's tensors as one table. */
  public static Table tensors(GgufModel model) {
    return tensors(model.first().path().getFileName() + " tensors", model.tensors());
  }

  private static Table tensors(String title, List<TensorInfo> tensors) {
    StringColumn name = StringColumn.create("name");
    StringColumn type = StringColumn.create("type");
    StringColumn dims = StringColumn.create("dims");
    LongColumn elements = LongColumn.create("elements");
    LongColumn bytes = LongColumn.create("bytes");
    LongColumn offset = LongColumn.create("offset");
    for (TensorInfo t : tensors) {
      name.append(t.name());
      type.append(t.typeName());
      dims.append(t.dims().toString());
      elements.append(t.elements());
      if (t.hasKnownType()) bytes.append(t.bytes());
      else bytes.appendMissing();
      offset.append(t.fileOffset());
    }
    return Table.create(title, name, type, dims, elements, bytes, offset);
  }

  /** One row per metadata key: key, type, offset, and a short rendering of the value. */
  public static Table metadata(GgufFile file) {
    GgufMetadata metadata = file.metadata();
    StringColumn key = StringColumn.create("key");
    StringColumn type = StringColumn.create("type");
    LongColumn offset = LongColumn.create("offset");
    StringColumn value = StringColumn.create("value");
    metadata
        .asMap()
        .forEach(
            (k, v) -> {
              key.append(k);
              type.append(v.typeName());
              offset.append(v.offset());
              value.append(v.toString());
            });
    return Table.create("metadata of " + metadata.path().getFileName(), key, type, offset, value);
  }

  /** One row per ggml type of a file: type, tensors, params, bytes, bits per weight. */
  public static Table types(GgufFile file) {
    return types(file.summary());
  }

  /** One row per ggml type: type, tensors, params, bytes, bits per weight. */
  public static Table types(ModelSummary summary) {
    StringColumn type = StringColumn.create("type");
    LongColumn tensors = LongColumn.create("tensors");
    LongColumn params = LongColumn.create("params");
    LongColumn bytes = LongColumn.create("bytes");
    DoubleColumn bpw = DoubleColumn.create("bits_per_weight");
    for (TypeStats s : summary.types()) {
      type.append(s.type());
      tensors.append(s.tensors());
      params.append(s.params());
      bytes.append(s.bytes());
      bpw.append(s.bitsPerWeight());
    }
    String title = summary.path().getFileName() + " types";
    return Table.create(title, type, tensors, params, bytes, bpw);
  }

  /** The columns of {@link DeviceCatalog#COLUMNS}: name, aliases, memory_gb, …, source. */
  public static Table devices(DeviceCatalog catalog) {
    List<Device> devices = catalog.devices();
    return Table.create(
        "devices",
        StringColumn.create("name", devices.stream().map(Device::name)),
        StringColumn.create("aliases", devices.stream().map(d -> String.join(";", d.aliases()))),
        DoubleColumn.create("memory_gb", devices.stream().mapToDouble(Device::memoryGb)),
        StringColumn.create("memory_type", devices.stream().map(Device::memoryType)),
        DoubleColumn.create(
            "theoretical_bandwidth_gb_per_s",
            devices.stream().mapToDouble(d -> d.theoretical().gbPerS())),
        DoubleColumn.create(
            "peak_fp16_dense_tflops", devices.stream().mapToDouble(Device::peakFp16DenseTflops)),
        StringColumn.create("source", devices.stream().map(Device::source)));
  }

  /** Columns {@code depth}, {@code bytes_per_token_gb}, {@code ceiling_tokens_per_s}. */
  public static Table ceiling(DecodeCeiling ceiling, List<Integer> depths) {
    IntColumn d = IntColumn.create("depth");
    DoubleColumn bytes = DoubleColumn.create("bytes_per_token_gb");
    DoubleColumn tokensPerS = DoubleColumn.create("ceiling_tokens_per_s");
    for (int depth : depths) {
      d.append(depth);
      bytes.append(ceiling.bytesPerToken(depth).in(ByteUnit.GB));
      tokensPerS.append(ceiling.tokensPerS(depth));
    }
    return Table.create("decode ceiling at " + ceiling.bandwidth(), d, bytes, tokensPerS);
  }

  /**
   * The ceilings of {@code single}'s model spread over several GPUs, one row per split and depth:
   * columns {@code split_mode}, {@code gpus} (those with a share), {@code shares}, {@code depth},
   * {@code ceiling_tokens_per_s}, {@code effective_bandwidth_gb_per_s} (the one bandwidth that
   * gives that ceiling), beside the measured rows of a multi-GPU sweep.
   */
  public static Table splitCeilings(
      DecodeCeiling single, List<SplitCeiling> splits, List<Integer> depths) {
    StringColumn mode = StringColumn.create("split_mode");
    IntColumn gpus = IntColumn.create("gpus");
    StringColumn shares = StringColumn.create("shares");
    IntColumn d = IntColumn.create("depth");
    DoubleColumn tokensPerS = DoubleColumn.create("ceiling_tokens_per_s");
    DoubleColumn effective = DoubleColumn.create("effective_bandwidth_gb_per_s");
    for (SplitCeiling s : splits) {
      for (int depth : depths) {
        mode.append(s.mode().toString());
        gpus.append(s.gpusUsed());
        shares.append(
            String.join(
                "/",
                s.shares().stream()
                    .map(x -> String.format(java.util.Locale.ROOT, "%.2f", x))
                    .toList()));
        d.append(depth);
        tokensPerS.append(s.tokensPerS(single, depth));
        effective.append(s.effective(single, depth).gbPerS());
      }
    }
    return Table.create("split ceilings", mode, gpus, shares, d, tokensPerS, effective);
  }

  /** Columns Model, Quant, FA, Test, t/s baseline, t/s candidate, Speedup. */
  public static Table comparison(Comparison c) {
    List<Comparison.Pair> rows = c.rows();
    return Table.create(
        "compare " + c.baselineName() + " vs " + c.candidateName(),
        StringColumn.create("Model", rows.stream().map(p -> p.baseline().model())),
        StringColumn.create("Quant", rows.stream().map(p -> p.baseline().quant())),
        StringColumn.create("FA", rows.stream().map(p -> p.baseline().flashAttn().label())),
        StringColumn.create("Test", rows.stream().map(p -> p.baseline().test())),
        DoubleColumn.create(
            "t/s " + c.baselineName(),
            rows.stream().mapToDouble(p -> p.baseline().tokensPerSMean())),
        DoubleColumn.create(
            "t/s " + c.candidateName(),
            rows.stream().mapToDouble(p -> p.candidate().tokensPerSMean())),
        DoubleColumn.create("Speedup", rows.stream().mapToDouble(Comparison.Pair::speedup)));
  }

  /** Result rows: {@link BenchTable#of}. */
  public static Table results(List<BenchResult> rows) {
    return BenchTable.of(rows);
  }
}
