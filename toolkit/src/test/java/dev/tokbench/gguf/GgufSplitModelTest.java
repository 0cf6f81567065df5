package dev.tokbench.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real fixture split in two the way {@code llama-gguf-split} does it: all metadata in the first
 * shard, {@code split.no}/{@code split.count}/{@code split.tensors.count} in each.
 */
class GgufSplitModelTest {
  @TempDir Path tmp;
  private GgufFile whole;
  private Path first;
  private Path second;

  @BeforeEach
  void split() {
    whole = Gguf.read(GgufFixtures.file("small-llama-F16.gguf"));
    List<TensorInfo> tensors = whole.tensors();
    int half = tensors.size() / 2;
    first = shard(0, tensors.subList(0, half), true);
    second = shard(1, tensors.subList(half, tensors.size()), false);
  }

  private Path shard(int no, List<TensorInfo> tensors, boolean withMetadata) {
    TestGgufWriter w = new TestGgufWriter(ByteOrder.LITTLE_ENDIAN);
    if (withMetadata) w.metadataOf(whole, List.of());
    w.kv("split.no", GgufValueType.UINT16, (long) no)
        .kv("split.count", GgufValueType.UINT16, 2L)
        .kv("split.tensors.count", GgufValueType.INT32, (long) whole.tensors().size());
    tensors.forEach(t -> w.tensorOf(whole, t));
    return w.write(tmp.resolve(String.format("small-%05d-of-00002.gguf", no + 1)));
  }

  @Test
  void anyShardReadsTheWholeModel() {
    GgufModel model = Gguf.readModel(second);

    assertThat(model.shards()).extracting(GgufFile::path).containsExactly(first, second);
    assertThat(model.missing()).isEmpty();
    assertThat(model.verify()).isEmpty();
    ModelSummary s = model.summary();
    assertThat(s.splitCount()).isEqualTo(2);
    assertThat(s.nParams()).isEqualTo(whole.summary().nParams());
    assertThat(s.tensorBytes()).isEqualTo(whole.summary().tensorBytes());
    assertThat(s.nTensors()).isEqualTo(whole.tensors().size());
    assertThat(s.fileType()).isEqualTo("F16");
    assertThat(s.blockCount()).isEqualTo(2);
    assertThat(s.types()).isEqualTo(whole.summary().types());
  }

  @Test
  void tensorDataComeFromTheShardThatHoldsThem() {
    GgufModel model = Gguf.readModel(first);
    TensorInfo last = model.tensors().get(model.tensors().size() - 1);

    assertThat(model.shardOf(last).path()).isEqualTo(second);
    assertThat(model.tensorData(last))
        .isEqualTo(whole.tensorData(whole.tensor(last.name()).orElseThrow()));
  }

  @Test
  void aMissingShardIsAProblemNotAFailure() throws Exception {
    Files.delete(second);

    GgufModel model = Gguf.readModel(first);

    assertThat(model.verify()).containsExactly("missing shard small-00002-of-00002.gguf");
    assertThat(model.summary().nTensors()).isLessThan(whole.tensors().size());
  }

  @Test
  void aSingleFileIsAModelOfOneShard() {
    GgufModel model = Gguf.readModel(GgufFixtures.file("tiny-llama-F16.gguf"));

    assertThat(model.shards()).hasSize(1);
    assertThat(model.summary()).isEqualTo(model.first().summary());
  }
}
