package io.gitbridge.http.internal;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Lets at most one notice through per interval and counts the occurrences held back, so that the
 * next notice can say how many there were. Thread-safe (a short monitor, no I/O).
 */
public final class NoticeThrottle {
  /**
   * A notice let through.
   *
   * @param occurrences how many happened since the previous notice, this one included
   * @param previousNotice when the previous notice went out; null for the first
   */
  public record Notice(long occurrences, Instant previousNotice) {}

  private final Clock clock;
  private final Duration interval;
  private Instant lastNotice;
  private long heldBack;

  /**
   * @throws IllegalArgumentException if {@code interval} is not positive
   */
  public NoticeThrottle(Clock clock, Duration interval) {
    this.clock = requireNonNull(clock, "clock == null");
    this.interval = requireNonNull(interval, "interval == null");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
  }

  /** Records one occurrence; a {@link Notice} if it may be told now, else null (held back). */
  public synchronized Notice occurred() {
    Instant now = clock.instant();
    if (lastNotice != null && now.isBefore(lastNotice.plus(interval))) {
      heldBack++;
      return null;
    }
    Notice notice = new Notice(heldBack + 1, lastNotice);
    lastNotice = now;
    heldBack = 0;
    return notice;
  }

  /** Occurrences held back since the last notice. */
  public synchronized long heldBack() {
    return heldBack;
  }
}
