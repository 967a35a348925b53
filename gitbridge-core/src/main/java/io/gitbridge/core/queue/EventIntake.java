package io.gitbridge.core.queue;

import io.gitbridge.core.WebhookEvent;

/**
 * The enqueue side of a queue: all that the webhook endpoint needs.
 *
 * <p>Implementations are thread-safe. Every call is idempotent per delivery id: offering the same
 * delivery twice enqueues it once.
 */
public interface EventIntake {
  /**
   * Offers an event for processing.
   *
   * @return whether it was accepted, was a duplicate of a delivery already seen, or found the queue
   *     full; never {@code null}
   * @throws QueueUnavailableException if the backing store cannot be reached; the event was not
   *     accepted and the caller must not answer 2xx
   */
  OfferResult offer(WebhookEvent event);

  /**
   * Keeps a delivery that was signed correctly but cannot be processed, with the reason, so an
   * operator can look at it and nothing signed is dropped silently.
   *
   * @throws QueueUnavailableException if the backing store cannot be reached
   */
  void quarantine(QuarantinedDelivery delivery);
}
