package io.gitbridge.core.github;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One call to GitHub, independent of any HTTP client: the endpoint, the values of its path
 * parameters, query parameters (for lists: {@code per_page}, {@code check_name}), and the JSON body
 * (or {@code null} for none).
 *
 * <p>Construction checks that every path parameter the endpoint names is given, so a malformed
 * request fails where it is built, not at GitHub.
 */
public record GitHubRequest(
    GitHubEndpoint endpoint,
    Map<String, String> pathParameters,
    Map<String, String> query,
    JsonNode body) {
  private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");

  public GitHubRequest {
    requireNonNull(endpoint, "endpoint == null");
    pathParameters = Map.copyOf(new LinkedHashMap<>(pathParameters));
    query = Collections.unmodifiableMap(new TreeMap<>(query));
    Matcher m = PARAMETER.matcher(endpoint.pathTemplate());
    while (m.find()) {
      String value = pathParameters.get(m.group(1));
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(
            endpoint.label() + " needs path parameter '" + m.group(1) + "'");
      }
    }
  }

  /** A request without query parameters. */
  public GitHubRequest(GitHubEndpoint endpoint, Map<String, String> pathParameters, JsonNode body) {
    this(endpoint, pathParameters, Map.of(), body);
  }

  /**
   * The path with every parameter filled in and percent-encoded, then the query (sorted by name),
   * for example {@code /repos/o/r/commits/abc/check-runs?check_name=ci}.
   */
  public String path() {
    if (query.isEmpty()) {
      return filledPath();
    }
    StringBuilder out = new StringBuilder(filledPath());
    char separator = '?';
    for (Map.Entry<String, String> q : query.entrySet()) {
      out.append(separator).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
      separator = '&';
    }
    return out.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String filledPath() {
    Matcher m = PARAMETER.matcher(endpoint.pathTemplate());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(encode(pathParameters.get(m.group(1)))));
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
