package io.gitbridge.core.ingest;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers GitHub sends with a delivery, for whatever sends one: {@code gitbridge send}, the
 * {@code forward} task, and the testkit's signed requests.
 */
public final class DeliveryHeaders {
  private DeliveryHeaders() {}

  /**
   * JSON content type, event and delivery headers, and, when {@code secret} is not null, the {@code
   * X-Hub-Signature-256} of {@code body}.
   *
   * @param userAgent GitHub sends {@code GitHub-Hookshot/…}; senders name themselves
   */
  public static Map<String, String> of(
      String eventType, DeliveryId deliveryId, byte[] body, String secret, String userAgent) {
    requireNonNull(eventType, "eventType == null");
    requireNonNull(deliveryId, "deliveryId == null");
    requireNonNull(body, "body == null");
    requireNonNull(userAgent, "userAgent == null");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(WebhookIngestor.EVENT_HEADER, eventType);
    headers.put(WebhookIngestor.DELIVERY_HEADER, deliveryId.value());
    headers.put("User-Agent", userAgent);
    if (secret != null) {
      headers.put(WebhookSignature.HEADER, WebhookSignature.sign(secret, body));
    }
    return headers;
  }
}
