package io.gitbridge.core.ingest;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import io.gitbridge.core.GitBridgeListener;
import io.gitbridge.core.InvalidPayloadException;
import io.gitbridge.core.WebhookEvent;
import io.gitbridge.core.queue.EventIntake;
import io.gitbridge.core.queue.OfferResult;
import io.gitbridge.core.queue.QuarantinedDelivery;
import io.gitbridge.core.queue.QueueUnavailableException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to one webhook request: checks it in a fixed order and offers what passes to
 * the queue.
 *
 * <p>The order is size, content type, required headers, signature, then payload, so that the cheap
 * checks run first and nothing unsigned is ever parsed. A body that was signed correctly but cannot
 * be processed is quarantined, never dropped. {@link #ingest} never throws: every failure is an
 * {@link IngestResult} with a 4xx or 503 status, and no answer reveals a secret or a stack trace.
 * Thread-safe.
 */
public final class WebhookIngestor {
  /** GitHub caps payloads at 25 MB; so do we unless told otherwise. */
  public static final int DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024;

  /** How long a sender is asked to wait when the queue is full or unavailable. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

  public static final String EVENT_HEADER = "X-GitHub-Event";
  public static final String DELIVERY_HEADER = "X-GitHub-Delivery";

  private static final Logger log = LoggerFactory.getLogger(WebhookIngestor.class);

  private final EventIntake intake;
  private final WebhookSignature signature;
  private final int maxBodyBytes;
  private final Clock clock;
  private final GitBridgeListener listener;

  public WebhookIngestor(
      EventIntake intake,
      WebhookSignature signature,
      int maxBodyBytes,
      Clock clock,
      GitBridgeListener listener) {
    this.intake = requireNonNull(intake, "intake == null");
    this.signature = requireNonNull(signature, "signature == null");
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes < 1: " + maxBodyBytes);
    }
    this.maxBodyBytes = maxBodyBytes;
    this.clock = requireNonNull(clock, "clock == null");
    this.listener = requireNonNull(listener, "listener == null");
  }

  /** The largest body accepted; transports need read no more than one byte past it. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Checks and enqueues one request. Never throws. */
  public IngestResult ingest(IngestRequest request) {
    String eventType = request.header(EVENT_HEADER);
    IngestResult result = decide(request, eventType);
    listener.webhookReceived(
        eventType == null || eventType.isBlank() ? "unknown" : eventType, result.outcome());
    return result;
  }

  /**
   * Refuses a request whose declared length is over {@link #maxBodyBytes()} before its body is
   * read: 413, reported to the listener like any other refusal. Lets a transport answer without
   * reading (or allocating) the oversized body. Never throws.
   *
   * @param eventType the {@code X-GitHub-Event} header, or {@code null}
   */
  public IngestResult refuseTooLarge(String eventType) {
    IngestResult result = reject(413, "payload larger than " + maxBodyBytes + " bytes", null);
    listener.webhookReceived(
        eventType == null || eventType.isBlank() ? "unknown" : eventType, result.outcome());
    return result;
  }

  private IngestResult decide(IngestRequest request, String eventType) {
    byte[] body = request.body();
    if (body.length > maxBodyBytes) {
      return reject(413, "payload larger than " + maxBodyBytes + " bytes", null);
    }
    String contentType = mediaType(request.header("Content-Type"));
    boolean form = "application/x-www-form-urlencoded".equals(contentType);
    if (!form && !"application/json".equals(contentType)) {
      return reject(
          415, "content type must be application/json or application/x-www-form-urlencoded", null);
    }
    if (eventType == null || eventType.isBlank()) {
      return reject(400, "missing " + EVENT_HEADER + " header", null);
    }
    String delivery = request.header(DELIVERY_HEADER);
    if (!DeliveryId.isValid(delivery)) {
      return reject(400, "missing or malformed " + DELIVERY_HEADER + " header", null);
    }
    DeliveryId deliveryId = new DeliveryId(delivery);
    if (!signature.verify(body, request.header(WebhookSignature.HEADER))) {
      log.warn(
          "webhook {} {} from {} rejected: signature missing or invalid",
          eventType,
          deliveryId,
          request.peerAddress());
      return new IngestResult(
          IngestOutcome.REJECTED_SIGNATURE, 401, "signature missing or invalid", deliveryId, null);
    }
    if ("ping".equals(eventType)) {
      return new IngestResult(IngestOutcome.PING, 200, "pong", deliveryId, null);
    }
    Instant now = clock.instant();
    String json;
    WebhookEvent event;
    try {
      json = form ? formPayload(body) : new String(body, StandardCharsets.UTF_8);
      event = new WebhookEvent(deliveryId, eventType, json, now);
      PayloadShape.check(event);
    } catch (InvalidPayloadException e) {
      return quarantine(deliveryId, eventType, body, e.getMessage(), now);
    }
    return offer(event);
  }

  private IngestResult offer(WebhookEvent event) {
    OfferResult offered;
    try {
      offered = intake.offer(event);
    } catch (QueueUnavailableException e) {
      log.error("webhook {} not accepted: queue unavailable: {}", event, e.getMessage());
      return new IngestResult(
          IngestOutcome.REJECTED_UNAVAILABLE,
          503,
          "queue unavailable, retry later",
          event.deliveryId(),
          DEFAULT_RETRY_AFTER);
    }
    return switch (offered) {
      case ACCEPTED -> {
        log.debug("webhook {} accepted", event);
        yield new IngestResult(IngestOutcome.ACCEPTED, 202, "accepted", event.deliveryId(), null);
      }
      case DUPLICATE -> {
        log.info("webhook {} is a duplicate delivery; not queued again", event);
        yield new IngestResult(
            IngestOutcome.DUPLICATE, 200, "duplicate delivery", event.deliveryId(), null);
      }
      case FULL -> {
        log.warn("webhook {} rejected: queue full", event);
        yield new IngestResult(
            IngestOutcome.REJECTED_FULL,
            503,
            "queue full, retry later",
            event.deliveryId(),
            DEFAULT_RETRY_AFTER);
      }
    };
  }

  private IngestResult quarantine(
      DeliveryId deliveryId, String eventType, byte[] body, String reason, Instant now) {
    try {
      intake.quarantine(
          new QuarantinedDelivery(
              deliveryId, eventType, new String(body, StandardCharsets.UTF_8), reason, now));
    } catch (QueueUnavailableException e) {
      log.error(
          "webhook {} {} could not be quarantined: {}", eventType, deliveryId, e.getMessage());
      return new IngestResult(
          IngestOutcome.REJECTED_UNAVAILABLE,
          503,
          "queue unavailable, retry later",
          deliveryId,
          DEFAULT_RETRY_AFTER);
    }
    log.warn("webhook {} {} quarantined: {}", eventType, deliveryId, reason);
    return new IngestResult(IngestOutcome.QUARANTINED, 400, reason, deliveryId, null);
  }

  private static IngestResult reject(int status, String message, DeliveryId deliveryId) {
    log.debug("webhook rejected with {}: {}", status, message);
    return new IngestResult(IngestOutcome.REJECTED_INVALID, status, message, deliveryId, null);
  }

  private static String mediaType(String header) {
    if (header == null) {
      return "";
    }
    int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /** GitHub's form encoding: a single {@code payload=} field holding the URL-encoded JSON. */
  private static String formPayload(byte[] body) {
    String form = new String(body, StandardCharsets.US_ASCII);
    for (String pair : form.split("&")) {
      if (pair.startsWith("payload=")) {
        try {
          return URLDecoder.decode(pair.substring("payload=".length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          throw new InvalidPayloadException("form field 'payload' is not URL-encoded");
        }
      }
    }
    throw new InvalidPayloadException("form body has no 'payload' field");
  }
}
