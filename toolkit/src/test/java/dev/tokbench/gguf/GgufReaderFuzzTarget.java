package dev.tokbench.gguf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * GGUF files, coverage-guided (beside {@link GgufFuzzTest}'s seeded mutations of every field):
 * seeded with the header and first tensor bytes of the real fixtures.
 */
class GgufReaderFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzInput in = FuzzInput.of(bytes, "fuzz.gguf");
    FuzzContract.holds(
        in,
        i -> GgufReader.read(Path.of(i.name()), ByteBuffer.wrap(i.bytes())),
        f -> GgufFuzzTest.use(f, true, true));
  }
}
