package io.gitbridge.core.queue;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Where a failed attempt went.
 *
 * @param kind retried later, dead-lettered, or ignored because the lease was no longer held
 * @param retryAt when the next attempt is due; {@code null} unless {@link Kind#RETRY}
 */
public record Disposition(Kind kind, Instant retryAt) {
  /** The three places a failed attempt can lead. */
  public enum Kind {
    RETRY,
    DEAD_LETTER,
    /** The lease had expired and another worker holds the event now; nothing was changed. */
    STALE_LEASE
  }

  public Disposition {
    requireNonNull(kind, "kind == null");
    if ((kind == Kind.RETRY) != (retryAt != null)) {
      throw new IllegalArgumentException("retryAt is set exactly when kind is RETRY");
    }
  }

  public static Disposition retryAt(Instant when) {
    return new Disposition(Kind.RETRY, requireNonNull(when, "when == null"));
  }

  public static Disposition deadLetter() {
    return new Disposition(Kind.DEAD_LETTER, null);
  }

  public static Disposition staleLease() {
    return new Disposition(Kind.STALE_LEASE, null);
  }
}
