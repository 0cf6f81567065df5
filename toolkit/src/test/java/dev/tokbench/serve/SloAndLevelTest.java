package dev.tokbench.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokbench.BadInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SloAndLevelTest {
  private static RequestRecord request(double ttftMs, double e2eMs, int tokens, String error) {
    long ttft = (long) (ttftMs * 1e6);
    long e2e = (long) (e2eMs * 1e6);
    return new RequestRecord(
        0,
        8,
        tokens,
        0,
        0,
        200,
        error,
        1,
        ttft,
        List.of(ttft),
        e2e,
        e2e,
        3,
        8,
        tokens,
        "length",
        Map.of(),
        "",
        -1,
        -1);
  }

  @Test
  void anSloReadsLikeTheCommandLineAndBoundsEachLatency() {
    Slo slo = Slo.parse("ttft=200ms, tpot=0.05s,e2el:2s");

    assertThat(slo.bounds())
        .containsExactly(
            Map.entry("ttft_ms", 200.0), Map.entry("tpot_ms", 50.0), Map.entry("e2e_ms", 2000.0));
    assertThat(slo.isMetBy(request(150, 1000, 20, ""))).isTrue(); // tpot (1000-150)/19 = 44.7
    assertThat(slo.isMetBy(request(250, 1000, 20, ""))).isFalse();
    assertThat(slo.isMetBy(request(150, 1500, 20, ""))).isFalse(); // tpot 71
    assertThat(slo.isMetBy(request(150, 1000, 20, "HTTP 500"))).isFalse();
    assertThat(Slo.parse("ttft=200").isMetBy(request(150, 9000, 1, "")))
        .isTrue(); // one token: tpot 0
  }

  @Test
  void aBadSloOrLevelSaysWhatWouldBeValid() {
    assertThatThrownBy(() -> Slo.parse("ttft=200ms,latency=3s"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("'latency=3s'")
        .hasMessageContaining("ttft=, tpot= or e2e=");
    assertThatThrownBy(() -> Level.concurrencies("1,4,x"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("'x' in '1,4,x'");
    assertThatThrownBy(() -> Level.rates("2,-1")).hasMessageContaining("'-1'");
    assertThatThrownBy(() -> Level.concurrencies(" , ")).hasMessageContaining("at least one value");
  }

  @Test
  void levelsParseAndLabelThemselves() {
    assertThat(Level.concurrencies("1, 4,16"))
        .containsExactly(Level.concurrency(1), Level.concurrency(4), Level.concurrency(16));
    assertThat(Level.rates("2,0.5,inf"))
        .extracting(Level::label)
        .containsExactly("rate 2/s", "rate 0.5/s", "rate inf");
    assertThat(Level.concurrency(4).isOpenLoop()).isFalse();
  }
}
