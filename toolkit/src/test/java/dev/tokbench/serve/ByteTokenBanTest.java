package dev.tokbench.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokbench.BadInputException;
import dev.tokbench.gguf.Gguf;
import dev.tokbench.serve.Script.Fault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * llama-server fails a stream whose text is not valid UTF-8; {@code --ban-byte-tokens} keeps a
 * random-weight model from writing lone bytes, and the failure, when it comes, says what it is.
 */
class ByteTokenBanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path tinyModel() throws Exception {
    return Path.of(ByteTokenBanTest.class.getResource("/gguf/tiny-llama-Q8_0.gguf").toURI());
  }

  @Test
  void everyRequestBansTheByteTokens0x80To0xFFOfTheModelTheServerNames() throws Exception {
    Path gguf = tinyModel();
    try (ScriptedSseServer server =
        new ScriptedSseServer(n -> Script.steady(5, 1, 2)).servingModel(gguf)) {
      ServeRuns r =
          ServeRuns.of(
              ServeBench.at(server.url())
                  .requests(2)
                  .maxTokens(2)
                  .warmup(0)
                  .banByteTokens(true)
                  .extraBody("{\"temperature\":0}"));

      List<String> vocab =
          Gguf.read(gguf).metadata().array("tokenizer.ggml.tokens").orElseThrow().strings();
      for (String body : server.bodies()) {
        JsonNode b = JSON.readTree(body);
        List<String> banned = new ArrayList<>();
        b.path("logit_bias")
            .forEach(
                e -> {
                  assertThat(e.get(1).isBoolean() && !e.get(1).asBoolean()).isTrue();
                  banned.add(vocab.get(e.get(0).asInt()));
                });
        assertThat(banned).hasSize(128).allMatch(t -> t.matches("<0x[89A-F][0-9A-F]>"));
        assertThat(b.path("temperature").asInt()).isZero(); // the user's extras are kept
      }
      assertThat(server.bodies()).hasSize(2);
      assertThat(r.kind("run").get(0).path("banned_tokens").asText())
          .startsWith("128 byte tokens <0x80>..<0xFF> (ids ")
          .endsWith(gguf.toString());
      assertThat(r.kind("summary").get(0).path("completed").asInt()).isEqualTo(2);
    }
  }

  @Test
  void llamaServersUtf8FailureSaysWhatItIsAndWhatAvoidsIt() throws Exception {
    try (ScriptedSseServer server =
        new ScriptedSseServer(n -> Script.steady(5, 1, 4).failing(Fault.NOT_UTF8, 2))) {
      ServeRuns r = ServeRuns.of(ServeBench.at(server.url()).requests(2).maxTokens(4).warmup(0));

      JsonNode reasons = r.kind("summary").get(0).path("error_reasons");
      assertThat(reasons.size()).isEqualTo(1); // one reason, counted twice
      String reason = reasons.fieldNames().next();
      assertThat(reasons.path(reason).asInt()).isEqualTo(2);
      assertThat(reason)
          .startsWith("server error event: ")
          .contains("does not match the expected Content-only format")
          .contains("not valid UTF-8")
          .endsWith("--ban-byte-tokens bans them");
    }
  }

  @Test
  void aBanThatCannotBeMadeIsBadInputNamingWhy() throws Exception {
    try (ScriptedSseServer server = new ScriptedSseServer(n -> Script.steady(5, 1, 2))) {
      ServeBench bench = ServeBench.at(server.url()).requests(1).warmup(0).banByteTokens(true);

      assertThatThrownBy(() -> ServeRuns.of(bench)) // no /props: no model file
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("/props named none");
      server.servingModel(tinyModel());
      assertThatThrownBy(() -> ServeRuns.of(bench.extraBody("{\"logit_bias\":[[5,-1]]}")))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("give one of them");
      assertThatThrownBy(() -> ServeRuns.of(bench.server(ServerKind.VLLM)))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("the server is vllm");
      server.servingModel(Path.of("/nonexistent/model.gguf"));
      assertThatThrownBy(() -> ServeRuns.of(bench))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("/nonexistent/model.gguf, and it cannot be read here");
    }
  }
}
