package io.gitbridge.github.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP answer from GitHub: status, the few headers GitBridge reads (names in lower case) and
 * the body text.
 */
public record Answer(int status, Map<String, String> headers, String body) {
  static final ObjectMapper MAPPER = new ObjectMapper();

  public Answer {
    headers = Map.copyOf(headers);
    body = body == null ? "" : body;
  }

  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** The header's value, or {@code null}. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The body as JSON: missing when empty (204), a text node when it is not JSON, so that an answer
   * to a request that did reach GitHub is never turned into a failure.
   */
  public JsonNode json() {
    if (body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(body);
    }
  }
}
