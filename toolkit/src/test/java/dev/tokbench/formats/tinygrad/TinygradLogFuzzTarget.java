package dev.tokbench.formats.tinygrad;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tokbench.testing.FuzzContract;
import dev.tokbench.testing.FuzzInput;
import dev.tokbench.testing.FuzzUses;
import java.util.List;

/**
 * tinygrad's llama3.py benchmark logs: ANSI colours, tqdm frames joined by {@code \r}, generated
 * text that can hold anything; read from a saved log and fed line by line as a run streams it.
 */
class TinygradLogFuzzTarget {
  @FuzzTest
  void fuzz(byte[] bytes) {
    FuzzInput input = FuzzInput.of(bytes, "llama3.log");
    FuzzContract.holds(input, in -> List.of(TinygradLog.read(in.file())), FuzzUses::rows);
    FuzzContract.holds(
        input,
        in -> {
          TinygradOutput streamed = new TinygradOutput();
          in.text().lines().forEach(streamed::accept);
          streamed.tokens().forEach(TinygradToken::toString);
          TinygradOutput.recognises(in.text());
        });
  }
}
