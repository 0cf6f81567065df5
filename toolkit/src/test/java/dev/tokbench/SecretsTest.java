package dev.tokbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as a credential when tokbench records an environment or a command line. */
class SecretsTest {
  @Test
  void namesWithACredentialWordAreSecretsAndBenchmarkSettingsAreNot() {
    for (String name :
        List.of(
            "HF_TOKEN",
            "HUGGING_FACE_HUB_TOKEN",
            "HF_API_TOKEN",
            "OPENAI_API_KEY",
            "AWS_SECRET_ACCESS_KEY",
            "DB_PASSWORD",
            "--api-key",
            "--hf-token",
            "GITHUB_TOKEN",
            "APIKEY",
            "--auth")) {
      assertThat(Secrets.isSecretName(name)).as(name).isTrue();
    }
    for (String name :
        List.of(
            "CUDA_VISIBLE_DEVICES",
            "--max-tokens",
            "TOKENIZERS_PARALLELISM",
            "--tokenizer",
            "-ctk",
            "--cache-type-k",
            "HF_HOME",
            "MONKEY_PATCH",
            "--keep")) {
      assertThat(Secrets.isSecretName(name)).as(name).isFalse();
    }
  }

  @Test
  void argumentsKeepEverythingButTheCredentials() {
    assertThat(
            Secrets.args(
                List.of(
                    "vllm",
                    "serve",
                    "--api-key",
                    "sk-1",
                    "--hf-token=hf_2",
                    "--max-tokens",
                    "128",
                    "HF_TOKEN=hf_3",
                    "-H",
                    "Authorization: Bearer abc",
                    "--url",
                    "https://me:pw@example.org/v1")))
        .containsExactly(
            "vllm",
            "serve",
            "--api-key",
            "<redacted>",
            "--hf-token=<redacted>",
            "--max-tokens",
            "128",
            "HF_TOKEN=<redacted>",
            "-H",
            "Authorization: <redacted>",
            "--url",
            "https://me:<redacted>@example.org/v1");
  }

  @Test
  void anOptionNamedLikeASecretFollowedByAnotherOptionRedactsNothingElse() {
    assertThat(Secrets.args(List.of("--api-key", "--port", "8000")))
        .containsExactly("--api-key", "--port", "8000");
  }

  @Test
  void environmentValuesOfSecretNamesAreRedactedAndUrlPasswordsEverywhere() {
    assertThat(Secrets.envValue("HF_TOKEN", "hf_x")).isEqualTo("<redacted>");
    assertThat(Secrets.envValue("HTTPS_PROXY", "http://u:p@proxy:3128"))
        .isEqualTo("http://u:<redacted>@proxy:3128");
    assertThat(Secrets.envValue("DEV", "CUDA")).isEqualTo("CUDA");
    assertThat(Secrets.text("curl -H 'x: y' http://host/path"))
        .isEqualTo("curl -H 'x: y' http://host/path");
  }
}
