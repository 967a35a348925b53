package io.gitbridge.core.queue;

/** What {@link EventIntake#offer} did with an event. */
public enum OfferResult {
  /** Enqueued; it will be processed. */
  ACCEPTED,
  /** A delivery with this id is already queued, running, or done; nothing was enqueued. */
  DUPLICATE,
  /** The queue holds {@code max_size} live events; nothing was enqueued. */
  FULL
}
