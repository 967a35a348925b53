package io.gitbridge.github.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * What GitHub asked of one credential: not before a time (rate limits), mutating requests spaced
 * out, and how many hint-less secondary limits came in a row. Thread-safe; its lock is held only to
 * read or reserve, never while waiting.
 */
public final class TokenPacing {
  private Instant blockedUntil = Instant.MIN;
  private Instant nextMutationAt = Instant.MIN;
  private int secondaryStrikes;

  /** How long requests must still wait, zero when they may go. */
  public synchronized Duration blockedFor(Instant now) {
    return blockedUntil.isAfter(now) ? Duration.between(now, blockedUntil) : Duration.ZERO;
  }

  /** No request before {@code until} (a later block wins). */
  public synchronized void blockUntil(Instant until) {
    if (until.isAfter(blockedUntil)) {
      blockedUntil = until;
    }
  }

  /** Counts a hint-less secondary limit; returns how many came before it in a row. */
  public synchronized int strike() {
    return secondaryStrikes++;
  }

  /** A request went through: the secondary-limit back-off starts again from its minimum. */
  public synchronized void succeeded() {
    secondaryStrikes = 0;
  }

  /**
   * Reserves the next slot for a mutating request and returns how long to wait for it. When that is
   * longer than {@code maxWait} nothing is reserved and the caller gives up instead of waiting.
   */
  public synchronized Duration reserveMutation(Instant now, Duration spacing, Duration maxWait) {
    Instant slot = nextMutationAt.isAfter(now) ? nextMutationAt : now;
    Duration wait = Duration.between(now, slot);
    if (wait.compareTo(maxWait) <= 0) {
      nextMutationAt = slot.plus(spacing);
    }
    return wait;
  }
}
