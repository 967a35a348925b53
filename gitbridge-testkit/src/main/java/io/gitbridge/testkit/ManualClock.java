package io.gitbridge.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that moves only when told to, so that leases, retries and dedupe windows can be
 * tested without waiting. Thread-safe.
 */
public final class ManualClock extends Clock {
  /** Where a new clock starts: a fixed, recognisable instant. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private volatile Instant now;

  public ManualClock() {
    this(DEFAULT_START);
  }

  public ManualClock(Instant start) {
    this.now = requireNonNull(start, "start == null");
  }

  /** Moves the clock forward. */
  public synchronized ManualClock advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back: " + duration);
    }
    now = now.plus(duration);
    return this;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a ManualClock is always UTC");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
