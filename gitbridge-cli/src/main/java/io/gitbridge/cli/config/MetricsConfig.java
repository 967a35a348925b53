package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * The {@code metrics:} section. Immutable.
 *
 * @param latencyTarget the end-to-end time (received to chain finished) events should stay under;
 *     the latency histogram has a bucket at it, and the dashboard marks it
 * @param queueDepthWarning ready events at or above which {@code /readyz} and the dashboard warn
 * @param healthCheckInterval how often the components (Redis, GitHub) are probed
 */
public record MetricsConfig(
    Duration latencyTarget, int queueDepthWarning, Duration healthCheckInterval) {
  public static final Duration DEFAULT_LATENCY_TARGET = Duration.ofSeconds(5);
  public static final int DEFAULT_QUEUE_DEPTH_WARNING = 1000;
  public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofSeconds(10);
  public static final MetricsConfig DEFAULT =
      new MetricsConfig(
          DEFAULT_LATENCY_TARGET, DEFAULT_QUEUE_DEPTH_WARNING, DEFAULT_HEALTH_CHECK_INTERVAL);

  static final List<String> KEYS =
      List.of("latency_target", "queue_depth_warning", "health_check_interval");

  public MetricsConfig {
    requireNonNull(latencyTarget, "latencyTarget == null");
    requireNonNull(healthCheckInterval, "healthCheckInterval == null");
    if (queueDepthWarning < 1) {
      throw new IllegalArgumentException("queue depth warning must be at least 1");
    }
  }

  static MetricsConfig read(ConfigReader r) {
    r.mapping("metrics", KEYS);
    return new MetricsConfig(
        r.duration("metrics.latency_target", DEFAULT_LATENCY_TARGET),
        r.wholeNumber(
            "metrics.queue_depth_warning", DEFAULT_QUEUE_DEPTH_WARNING, 1, Integer.MAX_VALUE),
        r.duration("metrics.health_check_interval", DEFAULT_HEALTH_CHECK_INTERVAL));
  }
}
