package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.ConfigurationException;
import io.gitbridge.core.GitBridge;
import io.gitbridge.core.queue.QueuePolicy;
import io.gitbridge.redis.RedisEventQueue;
import io.gitbridge.redis.RedisUrl;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code queue:} section. Immutable; {@link #toString()} hides the Redis URL, which may hold a
 * password.
 *
 * @param type where events wait
 * @param redisUrl {@code redis://}, {@code rediss://} or {@code redis-sentinel://}; {@code null}
 *     for the bundled Redis, started by {@code serve} with its data under {@code dataDir}
 * @param maxSize events waiting or in flight at most; beyond it webhooks are answered 503
 * @param timeout the most one Redis call may take (connect, read)
 * @param leaseTimeout how long one event may run before its lease expires and another worker takes
 *     it over
 * @param retryPolicy how failed events are retried
 * @param workers threads running task chains on this node
 * @param dataDir where the bundled Redis keeps its data and the failover its spool file
 */
public record QueueConfig(
    QueueType type,
    String redisUrl,
    int maxSize,
    Duration timeout,
    Duration leaseTimeout,
    RetryConfig retryPolicy,
    int workers,
    Path dataDir) {
  public static final QueueType DEFAULT_TYPE = QueueType.REDIS;
  public static final int DEFAULT_MAX_SIZE = QueuePolicy.DEFAULT_MAX_SIZE;
  public static final Duration DEFAULT_TIMEOUT = RedisEventQueue.DEFAULT_TIMEOUT;
  public static final Duration DEFAULT_LEASE_TIMEOUT = QueuePolicy.DEFAULT_LEASE_TIMEOUT;
  public static final int DEFAULT_WORKERS = GitBridge.DEFAULT_WORKERS;
  public static final int MAX_WORKERS = 256;
  public static final Path DEFAULT_DATA_DIR = Path.of("data");
  public static final QueueConfig DEFAULT =
      new QueueConfig(
          DEFAULT_TYPE,
          null,
          DEFAULT_MAX_SIZE,
          DEFAULT_TIMEOUT,
          DEFAULT_LEASE_TIMEOUT,
          RetryConfig.DEFAULT,
          DEFAULT_WORKERS,
          DEFAULT_DATA_DIR);

  static final List<String> KEYS =
      List.of(
          "type",
          "redis_url",
          "max_size",
          "timeout",
          "lease_timeout",
          "retry_policy",
          "workers",
          "data_dir");

  /**
   * @throws IllegalArgumentException if a number is out of range or the timeout is not positive
   */
  public QueueConfig {
    requireNonNull(type, "type == null");
    requireNonNull(timeout, "timeout == null");
    requireNonNull(leaseTimeout, "leaseTimeout == null");
    requireNonNull(retryPolicy, "retryPolicy == null");
    requireNonNull(dataDir, "dataDir == null");
    if (maxSize < 1) {
      throw new IllegalArgumentException("max size must be at least 1, was " + maxSize);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    if (leaseTimeout.isNegative() || leaseTimeout.isZero()) {
      throw new IllegalArgumentException("lease timeout must be positive, was " + leaseTimeout);
    }
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException(
          "workers must be 1 to " + MAX_WORKERS + ", was " + workers);
    }
  }

  @Override
  public String toString() {
    return "QueueConfig{type="
        + type.configName()
        + ", redisUrl="
        + (redisUrl == null ? "bundled" : RedisUrl.parse(redisUrl))
        + ", maxSize="
        + maxSize
        + ", timeout="
        + timeout
        + ", leaseTimeout="
        + leaseTimeout
        + ", retryPolicy="
        + retryPolicy
        + ", workers="
        + workers
        + ", dataDir="
        + dataDir
        + "}";
  }

  static QueueConfig read(ConfigReader r) {
    r.mapping("queue", KEYS);
    QueueType type =
        QueueType.fromConfigName(
            r.choice("queue.type", DEFAULT_TYPE.configName(), QueueType.configNames()));
    String redisUrl = r.string("queue.redis_url", null);
    if (redisUrl != null) {
      try {
        RedisUrl.parse(redisUrl);
      } catch (ConfigurationException e) {
        r.problem("queue.redis_url", e.getMessage().replaceFirst("^queue\\.redis_url: ", ""));
        redisUrl = null;
      }
    }
    int maxSize = r.wholeNumber("queue.max_size", DEFAULT_MAX_SIZE, 1, Integer.MAX_VALUE);
    Duration timeout = r.duration("queue.timeout", DEFAULT_TIMEOUT);
    Duration leaseTimeout = r.duration("queue.lease_timeout", DEFAULT_LEASE_TIMEOUT);
    RetryConfig retry = RetryConfig.read(r);
    int workers = r.wholeNumber("queue.workers", DEFAULT_WORKERS, 1, MAX_WORKERS);
    Path dataDir = DEFAULT_DATA_DIR;
    String dir = r.string("queue.data_dir", null);
    if (dir != null) {
      try {
        dataDir = Path.of(dir);
      } catch (InvalidPathException e) {
        r.problem("queue.data_dir", "is not a valid path: " + e.getReason());
      }
    }
    return new QueueConfig(type, redisUrl, maxSize, timeout, leaseTimeout, retry, workers, dataDir);
  }
}
