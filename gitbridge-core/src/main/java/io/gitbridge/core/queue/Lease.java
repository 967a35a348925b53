package io.gitbridge.core.queue;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.WebhookEvent;
import java.time.Instant;

/**
 * A worker's temporary hold on one event.
 *
 * @param event the event
 * @param attempt which attempt this is, starting at 1
 * @param completedSteps how many chain steps earlier attempts finished (the chain resumes there)
 * @param token the adapter's handle for this lease (a stream entry id, a counter); opaque to
 *     callers
 * @param expiresAt when another worker may take the event over
 */
public record Lease(
    WebhookEvent event, int attempt, int completedSteps, String token, Instant expiresAt) {
  public Lease {
    requireNonNull(event, "event == null");
    requireNonNull(token, "token == null");
    requireNonNull(expiresAt, "expiresAt == null");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt < 1: " + attempt);
    }
    if (completedSteps < 0) {
      throw new IllegalArgumentException("completedSteps < 0: " + completedSteps);
    }
  }
}
