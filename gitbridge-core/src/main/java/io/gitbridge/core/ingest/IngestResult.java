package io.gitbridge.core.ingest;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.DeliveryId;
import java.time.Duration;

/**
 * The answer to one webhook request, ready for any transport to send.
 *
 * @param outcome what happened, for metrics and logs
 * @param status the HTTP status to answer with
 * @param message a short, safe explanation (never a secret, a stack trace or a hint about how close
 *     a signature was)
 * @param deliveryId the delivery, when the request named a valid one; else {@code null}
 * @param retryAfter for 429 and 503, how long the sender should wait; else {@code null}
 */
public record IngestResult(
    IngestOutcome outcome, int status, String message, DeliveryId deliveryId, Duration retryAfter) {
  public IngestResult {
    requireNonNull(outcome, "outcome == null");
    requireNonNull(message, "message == null");
  }
}
