package io.gitbridge.core.queue;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import java.time.Instant;

/**
 * A delivery that was signed correctly but cannot be processed (broken JSON, wrong shape).
 *
 * @param deliveryId its delivery id
 * @param type its {@code X-GitHub-Event} header
 * @param body the body as received, decoded as UTF-8 (lossy for binary garbage)
 * @param reason why it cannot be processed, safe to show
 * @param receivedAt when it arrived
 */
public record QuarantinedDelivery(
    DeliveryId deliveryId, String type, String body, String reason, Instant receivedAt) {
  public QuarantinedDelivery {
    requireNonNull(deliveryId, "deliveryId == null");
    requireNonNull(type, "type == null");
    requireNonNull(body, "body == null");
    requireNonNull(reason, "reason == null");
    requireNonNull(receivedAt, "receivedAt == null");
  }
}
