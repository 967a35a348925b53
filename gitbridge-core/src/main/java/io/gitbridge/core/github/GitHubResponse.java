package io.gitbridge.core.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * GitHub's successful answer to a {@link GitHubRequest}.
 *
 * @param status the 2xx status
 * @param body the parsed JSON body, or a {@link MissingNode} when there was none (204)
 * @param headers response headers by lowercase name (first value), for what GitHub says only there:
 *     {@code link} for cursor pagination, {@code x-oauth-scopes}; may be empty
 */
public record GitHubResponse(int status, JsonNode body, Map<String, String> headers) {
  public GitHubResponse {
    if (body == null) {
      body = MissingNode.getInstance();
    }
    TreeMap<String, String> lower = new TreeMap<>();
    if (headers != null) {
      headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    }
    headers = java.util.Collections.unmodifiableMap(lower);
  }

  /** An answer without headers. */
  public GitHubResponse(int status, JsonNode body) {
    this(status, body, Map.of());
  }

  /** A header's value by any case of its name, or {@code null}. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The URL of the next page from a {@code Link: <…>; rel="next"} header, or {@code null} on the
   * last page.
   */
  public String nextPageUrl() {
    String link = header("link");
    if (link == null) {
      return null;
    }
    for (String part : link.split(",")) {
      String[] pieces = part.split(";");
      if (pieces.length > 1 && pieces[1].replace(" ", "").equals("rel=\"next\"")) {
        String url = pieces[0].trim();
        if (url.startsWith("<") && url.endsWith(">")) {
          return url.substring(1, url.length() - 1);
        }
      }
    }
    return null;
  }
}
