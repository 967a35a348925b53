package io.gitbridge.core.queue;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The behaviour every queue adapter shares, whatever stores the events: how many live events it
 * holds, how long a lease lasts, how long a delivery id is remembered, how failures are retried,
 * and where time and jitter come from. One policy configures the in-memory queue, the Redis queue
 * and the failover between them alike, and is what {@code EventQueueContract} hands an adapter
 * under test.
 *
 * <p>Immutable; build with {@link #builder()} (checked in {@link Builder#build()}) or take {@link
 * #DEFAULT}.
 */
public final class QueuePolicy {
  public static final int DEFAULT_MAX_SIZE = 10_000;
  public static final Duration DEFAULT_LEASE_TIMEOUT = Duration.ofMinutes(5);

  /** GitHub redelivers for three days; delivery ids are remembered a little longer. */
  public static final Duration DEFAULT_DEDUPE_WINDOW = Duration.ofDays(3).plusHours(1);

  /** The shortest dedupe window accepted: GitHub's redelivery window. */
  public static final Duration MIN_DEDUPE_WINDOW = Duration.ofDays(3);

  /** Every default, the system clock and a thread-local random. */
  public static final QueuePolicy DEFAULT = builder().build();

  private final int maxSize;
  private final Duration leaseTimeout;
  private final Duration dedupeWindow;
  private final RetryPolicy retryPolicy;
  private final Clock clock;
  private final DoubleSupplier random;

  private QueuePolicy(Builder b) {
    this.maxSize = b.maxSize;
    this.leaseTimeout = b.leaseTimeout;
    this.dedupeWindow = b.dedupeWindow;
    this.retryPolicy = b.retryPolicy;
    this.clock = b.clock;
    this.random = b.random;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy's settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .maxSize(maxSize)
        .leaseTimeout(leaseTimeout)
        .dedupeWindow(dedupeWindow)
        .retryPolicy(retryPolicy)
        .clock(clock)
        .random(random);
  }

  /** Most events ready, in flight or waiting to retry at once ({@code queue.max_size}). */
  public int maxSize() {
    return maxSize;
  }

  /** How long a worker holds an event before another may take it over. */
  public Duration leaseTimeout() {
    return leaseTimeout;
  }

  /** How long a delivery id is remembered for dedupe. */
  public Duration dedupeWindow() {
    return dedupeWindow;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Where leases, retries and stamps read time from. */
  public Clock clock() {
    return clock;
  }

  /** The source of jitter, uniform in [0, 1). */
  public DoubleSupplier random() {
    return random;
  }

  @Override
  public String toString() {
    return "QueuePolicy{maxSize="
        + maxSize
        + ", leaseTimeout="
        + leaseTimeout
        + ", dedupeWindow="
        + dedupeWindow
        + ", "
        + retryPolicy
        + "}";
  }

  /** Collects a {@link QueuePolicy}; every setting has a {@code DEFAULT_*}. */
  public static final class Builder {
    private int maxSize = DEFAULT_MAX_SIZE;
    private Duration leaseTimeout = DEFAULT_LEASE_TIMEOUT;
    private Duration dedupeWindow = DEFAULT_DEDUPE_WINDOW;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    public Builder maxSize(int maxSize) {
      this.maxSize = maxSize;
      return this;
    }

    public Builder leaseTimeout(Duration leaseTimeout) {
      this.leaseTimeout = requireNonNull(leaseTimeout, "leaseTimeout == null");
      return this;
    }

    /** At least {@link #MIN_DEDUPE_WINDOW}. */
    public Builder dedupeWindow(Duration dedupeWindow) {
      this.dedupeWindow = requireNonNull(dedupeWindow, "dedupeWindow == null");
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    public Builder random(DoubleSupplier random) {
      this.random = requireNonNull(random, "random == null");
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public QueuePolicy build() {
      if (maxSize < 1) {
        throw new IllegalArgumentException("max_size must be at least 1, was " + maxSize);
      }
      if (leaseTimeout.toMillis() < 1) {
        throw new IllegalArgumentException("lease timeout must be at least 1 ms");
      }
      if (dedupeWindow.compareTo(MIN_DEDUPE_WINDOW) < 0) {
        throw new IllegalArgumentException(
            "dedupe window must be at least 3 days (GitHub's redelivery window), was "
                + dedupeWindow);
      }
      return new QueuePolicy(this);
    }
  }
}
