package dev.tokbench.serve;

import java.util.Locale;
import java.util.Map;

/**
 * The OpenAI-compatible servers tokbench knows, with what each needs so that every request
 * generates exactly {@code max_tokens} from a prompt the prefix cache cannot shorten, and how to
 * tell that it is ready. Every prompt is distinct from its first token, so no server's prefix cache
 * gets a hit; llama-server is also told not to keep prompts ({@code cache_prompt: false}).
 */
public enum ServerKind {
  /** llama.cpp's {@code llama-server}: {@code /health} is 200 once the model is loaded. */
  LLAMA_SERVER(
      "llama-server", "llamacpp", "/health", Map.of("cache_prompt", false, "ignore_eos", true)),
  /** {@code vllm serve}: listens once ready; {@code ignore_eos} is one of its sampling params. */
  VLLM("vllm", "vllm", "/health", Map.of("ignore_eos", true)),
  /** sglang's {@code python -m sglang.launch_server}: {@code ignore_eos} is an extra parameter. */
  SGLANG("sglang", "sglang", "/health", Map.of("ignore_eos", true)),
  /**
   * {@code mlc_llm serve}: no {@code /health}; {@code ignore_eos} only through {@code
   * debug_config}, which the server honours only when started with {@code --enable-debug}.
   */
  MLC("mlc-llm", "MLC-LLM", "/v1/models", Map.of("debug_config", Map.of("ignore_eos", true))),
  /** Any other OpenAI-compatible server: nothing extra is sent, prompts go as text. */
  OPENAI("openai", "", "/v1/models", Map.of());

  private final String label;
  private final String ownedBy;
  private final String readinessPath;
  private final Map<String, Object> extras;

  ServerKind(String label, String ownedBy, String readinessPath, Map<String, Object> extras) {
    this.label = label;
    this.ownedBy = ownedBy;
    this.readinessPath = readinessPath;
    this.extras = extras;
  }

  public String label() {
    return label;
  }

  /** The GET that answers 200 once the server can serve. */
  public String readinessPath() {
    return readinessPath;
  }

  /** Fields added to every request body. */
  public Map<String, Object> extras() {
    return extras;
  }

  /** Whether its {@code /v1/completions} takes a prompt as a list of token ids. */
  public boolean acceptsTokenIds() {
    return this != OPENAI;
  }

  /** The kind whose {@code /v1/models} entries say {@code owned_by: ownedBy}; OPENAI if none. */
  public static ServerKind fromOwnedBy(String ownedBy) {
    for (ServerKind k : values())
      if (!k.ownedBy.isEmpty() && k.ownedBy.equalsIgnoreCase(ownedBy)) return k;
    return OPENAI;
  }

  /**
   * By label: {@code llama-server}, {@code vllm}, {@code sglang}, {@code mlc-llm}, {@code openai}.
   */
  public static ServerKind fromLabel(String label) {
    String l = label.toLowerCase(Locale.ROOT);
    for (ServerKind k : values()) if (k.label.equals(l) || k.name().equalsIgnoreCase(l)) return k;
    throw new dev.tokbench.BadInputException(
        "unknown server '" + label + "'; known: llama-server, vllm, sglang, mlc-llm, openai");
  }

  @Override
  public String toString() {
    return label;
  }
}
