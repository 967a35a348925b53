package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.queue.RetryPolicy;
import java.time.Duration;
import java.util.List;

/**
 * {@code queue.retry_policy}: a failed event waits {@code base_delay · 2^(attempt-1)} (capped at
 * {@code max_delay}, with jitter) and is dead-lettered after {@code max_retries} retries.
 * Immutable.
 */
public record RetryConfig(int maxRetries, Duration baseDelay, Duration maxDelay) {
  public static final int DEFAULT_MAX_RETRIES = RetryPolicy.DEFAULT_MAX_RETRIES;
  public static final Duration DEFAULT_BASE_DELAY = RetryPolicy.DEFAULT_BASE_DELAY;
  public static final Duration DEFAULT_MAX_DELAY = RetryPolicy.DEFAULT_MAX_DELAY;
  public static final RetryConfig DEFAULT =
      new RetryConfig(DEFAULT_MAX_RETRIES, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY);

  static final List<String> KEYS = List.of("max_retries", "base_delay", "max_delay");

  /**
   * @throws IllegalArgumentException if the values make no policy (see {@link RetryPolicy})
   */
  public RetryConfig {
    requireNonNull(baseDelay, "baseDelay == null");
    requireNonNull(maxDelay, "maxDelay == null");
    policy(maxRetries, baseDelay, maxDelay); // fields are not assigned yet in a compact constructor
  }

  /** The core's policy, with its default jitter. */
  public RetryPolicy toRetryPolicy() {
    return policy(maxRetries, baseDelay, maxDelay);
  }

  private static RetryPolicy policy(int maxRetries, Duration baseDelay, Duration maxDelay) {
    return RetryPolicy.builder()
        .maxRetries(maxRetries)
        .baseDelay(baseDelay)
        .maxDelay(maxDelay)
        .build();
  }

  static RetryConfig read(ConfigReader r) {
    String at = "queue.retry_policy";
    r.mapping(at, KEYS);
    int maxRetries = r.wholeNumber(at + ".max_retries", DEFAULT_MAX_RETRIES, 0, 100);
    Duration base = r.duration(at + ".base_delay", DEFAULT_BASE_DELAY);
    Duration max =
        r.duration(
            at + ".max_delay", DEFAULT_MAX_DELAY.compareTo(base) < 0 ? base : DEFAULT_MAX_DELAY);
    if (max.compareTo(base) < 0) {
      r.problem(at + ".max_delay", "must not be shorter than base_delay");
      max = base;
    }
    return new RetryConfig(maxRetries, base, max);
  }
}
