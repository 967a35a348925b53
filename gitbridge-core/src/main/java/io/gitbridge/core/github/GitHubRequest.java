package io.gitbridge.core.github;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One call to GitHub, independent of any HTTP client: the endpoint, the values of its path
 * parameters, and the JSON body (or {@code null} for none).
 *
 * <p>Construction checks that every path parameter the endpoint names is given, so a malformed
 * request fails where it is built, not at GitHub.
 */
public record GitHubRequest(
    GitHubEndpoint endpoint, Map<String, String> pathParameters, JsonNode body) {
  private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");

  public GitHubRequest {
    requireNonNull(endpoint, "endpoint == null");
    pathParameters = Map.copyOf(new LinkedHashMap<>(pathParameters));
    Matcher m = PARAMETER.matcher(endpoint.pathTemplate());
    while (m.find()) {
      String value = pathParameters.get(m.group(1));
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(
            endpoint.label() + " needs path parameter '" + m.group(1) + "'");
      }
    }
  }

  /** The path with every parameter filled in and percent-encoded, for example {@code /user}. */
  public String path() {
    Matcher m = PARAMETER.matcher(endpoint.pathTemplate());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String encoded =
          URLEncoder.encode(pathParameters.get(m.group(1)), StandardCharsets.UTF_8)
              .replace("+", "%20");
      m.appendReplacement(out, Matcher.quoteReplacement(encoded));
    }
    m.appendTail(out);
    return out.toString();
  }

  public String method() {
    return endpoint.method();
  }

  @Override
  public String toString() {
    return method() + " " + path();
  }
}
