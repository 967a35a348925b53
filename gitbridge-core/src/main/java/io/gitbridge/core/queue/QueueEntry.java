package io.gitbridge.core.queue;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import java.time.Instant;

/**
 * What an operator sees of one stored event when browsing a section.
 *
 * @param deliveryId the delivery
 * @param type the {@code X-GitHub-Event} type
 * @param section where it is now
 * @param attempts attempts made so far
 * @param lastError the last failure or the quarantine reason; {@code null} if none
 * @param receivedAt when GitBridge accepted it
 * @param updatedAt when it last moved
 * @param body the raw JSON body
 */
public record QueueEntry(
    DeliveryId deliveryId,
    String type,
    QueueSection section,
    int attempts,
    String lastError,
    Instant receivedAt,
    Instant updatedAt,
    String body) {
  public QueueEntry {
    requireNonNull(deliveryId, "deliveryId == null");
    requireNonNull(type, "type == null");
    requireNonNull(section, "section == null");
    requireNonNull(receivedAt, "receivedAt == null");
    requireNonNull(updatedAt, "updatedAt == null");
    requireNonNull(body, "body == null");
  }
}
