package io.gitbridge.http.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint answers: status, content type, body and extra headers. Immutable.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header
 * @param body the body bytes; not copied
 * @param headers extra headers, name to value
 */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
  public static final String JSON = "application/json; charset=utf-8";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public Response {
    requireNonNull(contentType, "contentType == null");
    requireNonNull(body, "body == null");
    headers = Map.copyOf(headers);
  }

  /** A JSON answer; {@code value} is made of maps, lists, strings, numbers and booleans. */
  public static Response json(int status, Object value) {
    try {
      return new Response(status, JSON, MAPPER.writeValueAsBytes(value), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON answer", e);
    }
  }

  /** {@code {"error": message}}; the message must be safe to show. */
  public static Response error(int status, String message) {
    return json(status, Map.of("error", message));
  }

  public static Response text(int status, String contentType, String text) {
    return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** This answer with one more header. */
  public Response withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Response(status, contentType, body, more);
  }
}
