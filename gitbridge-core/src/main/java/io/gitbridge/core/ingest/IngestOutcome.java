package io.gitbridge.core.ingest;

import java.util.Locale;

/** How a webhook request ended, as {@code gitbridge_webhooks_received_total} labels it. */
public enum IngestOutcome {
  ACCEPTED,
  DUPLICATE,
  /** GitHub's {@code ping} on hook creation: answered, not queued. */
  PING,
  REJECTED_SIGNATURE,
  /** Too large, wrong content type, missing headers, or not valid JSON. */
  REJECTED_INVALID,
  REJECTED_RATE_LIMITED,
  REJECTED_FULL,
  /** The queue could not be reached: answered 503 so that GitHub's delivery shows as failed. */
  REJECTED_UNAVAILABLE,
  /** Signed correctly but unprocessable: kept in quarantine and answered 400. */
  QUARANTINED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
