package io.gitbridge.github.internal;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.github.GitHubRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Sends one request with OkHttp and reads the answer; knows nothing of limits or retries. */
public final class Exchange implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");

  /** The answer headers the limits, the token report, the App tokens and pagination read. */
  private static final List<String> KEPT_HEADERS =
      List.of(
          "retry-after", "x-ratelimit-remaining", "x-ratelimit-reset", "x-oauth-scopes", "link");

  private final OkHttpClient client;
  private final String baseUrl;
  private final String apiVersion;
  private final String userAgent;

  public Exchange(String baseUrl, String apiVersion, Duration callTimeout) {
    this.baseUrl = stripTrailingSlash(requireNonNull(baseUrl, "baseUrl == null"));
    this.apiVersion = requireNonNull(apiVersion, "apiVersion == null");
    this.userAgent = "GitBridge/" + Version.current();
    this.client =
        new OkHttpClient.Builder()
            .callTimeout(callTimeout)
            .readTimeout(callTimeout)
            .writeTimeout(callTimeout)
            .build();
  }

  /** Whether {@code baseUrl} is an absolute http(s) URL without query or fragment. */
  public static boolean isValidBaseUrl(String baseUrl) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    return url != null && url.query() == null && url.fragment() == null;
  }

  public Answer send(GitHubRequest request, String authorization) throws IOException {
    Request.Builder http =
        new Request.Builder()
            .url(baseUrl + request.path())
            .header("Authorization", authorization)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", apiVersion)
            .header("User-Agent", userAgent)
            .method(request.method(), body(request));
    try (Response response = client.newCall(http.build()).execute()) {
      Map<String, String> headers = new HashMap<>();
      for (String name : KEPT_HEADERS) {
        String value = response.header(name);
        if (value != null) {
          headers.put(name.toLowerCase(Locale.ROOT), value);
        }
      }
      ResponseBody body = response.body();
      return new Answer(response.code(), headers, body.string());
    }
  }

  private static RequestBody body(GitHubRequest request) {
    if (request.body() != null) {
      // JsonNode.toString() writes standard JSON (Jackson 2.10 and later).
      return RequestBody.create(request.body().toString().getBytes(StandardCharsets.UTF_8), JSON);
    }
    // OkHttp wants a body for POST, PUT and PATCH; GitHub accepts an empty one.
    return switch (request.method()) {
      case "POST", "PUT", "PATCH" -> RequestBody.create(new byte[0], null);
      default -> null;
    };
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return baseUrl;
  }

  /** Releases OkHttp's threads and idle connections. */
  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
