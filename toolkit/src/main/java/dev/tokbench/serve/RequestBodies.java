package dev.tokbench.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokbench.BadInputException;
import java.util.Map;

/**
 * Builds the JSON bodies of streamed {@code /v1/completions} (or {@code /v1/chat/completions})
 * requests as {@code vllm bench serve} sends them: {@code stream: true} with {@code stream_options:
 * {include_usage: true}} (so the server counts the tokens), {@code max_tokens}, the server's extras
 * ({@link ServerKind#extras()}) and the user's own fields on top.
 *
 * @param model the {@code model} field; empty to leave it out
 * @param chat whether bodies are for {@code /v1/chat/completions}
 * @param server whose extras to add
 * @param extraBody fields merged last (they win), as JSON; may be empty
 */
public record RequestBodies(String model, boolean chat, ServerKind server, ObjectNode extraBody) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public RequestBodies {
    extraBody = extraBody == null ? JSON.createObjectNode() : extraBody.deepCopy();
  }

  /**
   * {@code --extra-body '{"temperature": 0}'} as fields, or a bad-input error naming the problem.
   */
  public static ObjectNode parseExtraBody(String json) {
    if (json == null || json.isBlank()) return JSON.createObjectNode();
    try {
      JsonNode n = JSON.readTree(json);
      if (n instanceof ObjectNode o) return o;
      throw new BadInputException("--extra-body must be a JSON object, got " + n.getNodeType());
    } catch (JsonProcessingException e) {
      throw new BadInputException("--extra-body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** The endpoint path these bodies go to. */
  public String path() {
    return chat ? "/v1/chat/completions" : "/v1/completions";
  }

  /** The request for one prompt. */
  public Prepared prepare(Prompt prompt, int maxTokens) {
    if (chat && prompt.isTokens())
      throw new IllegalArgumentException("a chat request takes text, not token ids: " + prompt);
    ObjectNode b = JSON.createObjectNode();
    if (!model.isEmpty()) b.put("model", model);
    if (chat) {
      b.putArray("messages").addObject().put("role", "user").put("content", prompt.text());
    } else if (prompt.isTokens()) {
      ArrayNode ids = b.putArray("prompt");
      prompt.tokenIds().forEach(ids::add);
    } else b.put("prompt", prompt.text());
    b.put("max_tokens", maxTokens);
    b.put("stream", true);
    b.putObject("stream_options").put("include_usage", true);
    for (Map.Entry<String, Object> e : server.extras().entrySet())
      b.set(e.getKey(), JSON.valueToTree(e.getValue()));
    b.setAll(extraBody);
    int sent = prompt.isTokens() ? prompt.tokenIds().size() : -1;
    return new Prepared(prompt.index(), sent, maxTokens, b.toString());
  }
}
