package io.gitbridge.core;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gitbridge.core.internal.Json;
import java.time.Instant;

/**
 * One accepted webhook delivery: what GitHub sent, as it sent it.
 *
 * <p>The raw JSON body is kept (not only the parsed tree) because it is what queues store, what
 * {@code forward} re-signs, and what an operator sees when browsing dead letters. The payload is
 * parsed once, on construction, so an instance always holds well-formed JSON with an object at its
 * root. Instances are immutable and safe to share between threads.
 */
public final class WebhookEvent {
  private final DeliveryId deliveryId;
  private final String type;
  private final String action;
  private final String body;
  private final Instant receivedAt;
  private final ObjectNode payload;

  /**
   * Builds an event from a stored or received body.
   *
   * @throws InvalidPayloadException if {@code body} is not a JSON object
   */
  public WebhookEvent(DeliveryId deliveryId, String type, String body, Instant receivedAt) {
    this.deliveryId = requireNonNull(deliveryId, "deliveryId == null");
    this.type = requireNonNull(type, "type == null");
    this.body = requireNonNull(body, "body == null");
    this.receivedAt = requireNonNull(receivedAt, "receivedAt == null");
    JsonNode tree = Json.parse(body);
    if (!(tree instanceof ObjectNode)) {
      throw new InvalidPayloadException("payload is not a JSON object");
    }
    this.payload = (ObjectNode) tree;
    JsonNode actionNode = payload.get("action");
    this.action = actionNode != null && actionNode.isTextual() ? actionNode.asText() : "";
  }

  public DeliveryId deliveryId() {
    return deliveryId;
  }

  /** The {@code X-GitHub-Event} header, for example {@code pull_request}. */
  public String type() {
    return type;
  }

  /** The payload's {@code action}, or the empty string for events that have none (push). */
  public String action() {
    return action;
  }

  /** {@code type.action}, or just {@code type} when there is no action: what routes match on. */
  public String qualifiedType() {
    return action.isEmpty() ? type : type + "." + action;
  }

  /** The JSON body exactly as received (form-encoded deliveries are decoded to it). */
  public String body() {
    return body;
  }

  /** The parsed payload. Do not modify it: it is shared. */
  public JsonNode payload() {
    return payload;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookEvent other
        && deliveryId.equals(other.deliveryId)
        && type.equals(other.type)
        && body.equals(other.body)
        && receivedAt.equals(other.receivedAt);
  }

  @Override
  public int hashCode() {
    return deliveryId.hashCode();
  }

  @Override
  public String toString() {
    return "WebhookEvent{" + qualifiedType() + " " + deliveryId + "}";
  }
}
