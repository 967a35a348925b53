package io.gitbridge.http;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.GitBridgeException;
import io.gitbridge.core.tasks.WebhookSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A {@link WebhookSender} on the JDK's {@link HttpClient}: what the {@code forward} task and {@code
 * gitbridge send} post deliveries with. Thread-safe; one instance can serve every worker.
 */
public final class JdkWebhookSender implements WebhookSender {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Headers the JDK client sets itself and refuses to be given. */
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

  private final HttpClient client;
  private final Duration timeout;

  public JdkWebhookSender() {
    this(DEFAULT_TIMEOUT);
  }

  /** Each post is bounded by {@code timeout}, connecting included. */
  public JdkWebhookSender(Duration timeout) {
    this.timeout = requireNonNull(timeout, "timeout == null");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public int post(URI url, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(
        (name, value) -> {
          if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            request.header(name, value);
          }
        });
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new GitBridgeException(
          "POST " + url.getHost() + " failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitBridgeException("POST " + url.getHost() + " interrupted", e);
    }
  }
}
