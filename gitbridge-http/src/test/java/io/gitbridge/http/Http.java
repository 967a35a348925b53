package io.gitbridge.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.ingest.IngestRequest;
import io.gitbridge.core.ingest.WebhookIngestor;
import io.gitbridge.core.ingest.WebhookSignature;
import io.gitbridge.testkit.Payloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A JDK {@link HttpClient} aimed at one server. Every answer is checked for leaked stack traces, so
 * each test also proves that no body reveals one.
 */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final String base;

  Http(String base) {
    this.base = base;
  }

  HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, BodyPublishers.noBody(), headers);
  }

  HttpResponse<String> send(String method, String path, String body, String... headers) {
    return send(method, path, BodyPublishers.ofString(body), headers);
  }

  HttpResponse<String> send(String method, String path, BodyPublisher body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body);
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), BodyHandlers.ofString());
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts a signed webhook as GitHub would, built by the testkit. */
  HttpResponse<String> webhook(String path, String eventType, DeliveryId id, String body) {
    IngestRequest signed = Payloads.signedRequest(eventType, id, body, ServerFixture.SECRET);
    return send(
        "POST",
        path,
        BodyPublishers.ofByteArray(signed.body()),
        "Content-Type",
        signed.header("Content-Type"),
        WebhookIngestor.EVENT_HEADER,
        signed.header(WebhookIngestor.EVENT_HEADER),
        WebhookIngestor.DELIVERY_HEADER,
        signed.header(WebhookIngestor.DELIVERY_HEADER),
        WebhookSignature.HEADER,
        signed.header(WebhookSignature.HEADER));
  }

  static String sign(String body) {
    return WebhookSignature.sign(ServerFixture.SECRET, body.getBytes(StandardCharsets.UTF_8));
  }
}
