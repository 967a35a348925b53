package io.gitbridge.http.internal;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.ingest.IngestRequest;
import io.gitbridge.core.ingest.IngestResult;
import io.gitbridge.core.ingest.WebhookIngestor;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /webhook}: turns the exchange into an {@link IngestRequest}, hands it to the core's
 * ingestor and answers its {@link IngestResult}. Reads at most the ingestor's limit plus one byte,
 * and nothing at all when the declared length is already over it.
 */
public final class WebhookEndpoint implements Endpoint {
  /**
   * The most of an oversized body we read and discard so that the 413 reaches the client; beyond it
   * the connection is simply closed.
   */
  static final long DISCARD_CAP = 64L * 1024 * 1024;

  private final WebhookIngestor ingestor;
  private final Timer latency;

  /**
   * @param latency records request received → answered; {@code null} to record nothing
   */
  public WebhookEndpoint(WebhookIngestor ingestor, Timer latency) {
    this.ingestor = requireNonNull(ingestor, "ingestor == null");
    this.latency = latency;
  }

  @Override
  public Response handle(Request request) throws IOException {
    request.requireMethod("POST");
    int max = ingestor.maxBodyBytes();
    IngestResult result;
    if (request.contentLength() > max) {
      if (request.contentLength() <= DISCARD_CAP) {
        request.discardBody(DISCARD_CAP);
      }
      result = ingestor.refuseTooLarge(request.header(WebhookIngestor.EVENT_HEADER));
    } else {
      byte[] body = request.readBody((int) Math.min(Integer.MAX_VALUE - 8L, max + 1L));
      if (body.length > max) {
        request.discardBody(DISCARD_CAP);
      }
      result =
          ingestor.ingest(
              IngestRequest.ofMultiValued(request.headers(), body, request.peerAddress()));
    }
    return toResponse(result);
  }

  @Override
  public void answered(Request request, Response response) {
    if (latency != null) {
      latency.record(Duration.ofNanos(System.nanoTime() - request.startNanos()));
    }
  }

  static Response toResponse(IngestResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", result.outcome().label());
    if (result.deliveryId() != null) {
      json.put("delivery", result.deliveryId().value());
    }
    json.put("message", result.message());
    Response response = Response.json(result.status(), json);
    if (result.retryAfter() != null) {
      response =
          response.withHeader("Retry-After", Long.toString(wholeSeconds(result.retryAfter())));
    }
    return response;
  }

  /** Rounded up, and at least one: a sender told to wait 0 s would hammer us. */
  static long wholeSeconds(Duration d) {
    long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
