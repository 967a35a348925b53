package io.gitbridge.core.queue;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How failed attempts are retried: {@code baseDelay · 2^(attempt-1)}, capped at {@code maxDelay},
 * with "equal jitter" (the delay is drawn uniformly from its upper half) so that a burst of
 * failures does not retry in lockstep; after {@code maxRetries} retries the event is dead-lettered.
 *
 * <p>Immutable; build with {@link #builder()} or take {@link #DEFAULT}.
 */
public final class RetryPolicy {
  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(10);
  public static final double DEFAULT_JITTER = 0.5;
  public static final RetryPolicy DEFAULT = builder().build();

  private final int maxRetries;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final double jitter;

  private RetryPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.jitter = b.jitter;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Retries after the first attempt; 0 dead-letters on the first failure. */
  public int maxRetries() {
    return maxRetries;
  }

  public Duration baseDelay() {
    return baseDelay;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  /** Fraction of the delay that is random, 0 (none) to 1. */
  public double jitter() {
    return jitter;
  }

  /** Whether an event whose attempt number {@code attempt} just failed may be tried again. */
  public boolean allowsRetryAfter(int attempt) {
    return attempt <= maxRetries;
  }

  /** The un-jittered delay before the attempt that follows failed attempt {@code attempt}. */
  public Duration nominalDelay(int attempt) {
    int shift = Math.max(0, Math.min(attempt - 1, 40));
    long base = baseDelay.toMillis();
    long millis = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }

  /**
   * The delay before the attempt that follows failed attempt {@code attempt}.
   *
   * @param random a source of uniform values in [0, 1)
   */
  public Duration delay(int attempt, DoubleSupplier random) {
    long nominal = nominalDelay(attempt).toMillis();
    long fixed = Math.round(nominal * (1 - jitter));
    long spread = nominal - fixed;
    return Duration.ofMillis(fixed + (long) (spread * random.getAsDouble()));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries="
        + maxRetries
        + ", baseDelay="
        + baseDelay
        + ", maxDelay="
        + maxDelay
        + ", jitter="
        + jitter
        + "}";
  }

  /** Builds a {@link RetryPolicy}; validates in {@link #build()}. */
  public static final class Builder {
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration baseDelay = DEFAULT_BASE_DELAY;
    private Duration maxDelay = DEFAULT_MAX_DELAY;
    private double jitter = DEFAULT_JITTER;

    private Builder() {}

    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    public Builder baseDelay(Duration baseDelay) {
      this.baseDelay = requireNonNull(baseDelay, "baseDelay == null");
      return this;
    }

    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = requireNonNull(maxDelay, "maxDelay == null");
      return this;
    }

    public Builder jitter(double jitter) {
      this.jitter = jitter;
      return this;
    }

    public RetryPolicy build() {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("max_retries must be 0 or more, was " + maxRetries);
      }
      if (baseDelay.isNegative() || baseDelay.isZero()) {
        throw new IllegalArgumentException("base_delay must be positive, was " + baseDelay);
      }
      if (maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException("max_delay must not be below base_delay");
      }
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
      }
      return new RetryPolicy(this);
    }
  }
}
