package io.gitbridge.cli.config;

import static java.util.Objects.requireNonNull;

import io.gitbridge.core.GitBridge;
import io.gitbridge.core.queue.InMemoryEventQueue;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code queue:} section. Immutable; {@link #toString()} hides the Redis URL, which may hold a
 * password.
 *
 * @param type where events wait
 * @param redisUrl {@code redis://} or {@code rediss://}; used when the type is {@link
 *     QueueType#REDIS}
 * @param maxSize events waiting or in flight at most; beyond it webhooks are answered 503
 * @param timeout how long one event may run before its lease expires and another worker takes it
 *     over (the lease timeout)
 * @param retryPolicy how failed events are retried
 * @param workers threads running task chains on this node
 * @param dataDir where the Redis queue keeps its failover spool file
 */
public record QueueConfig(
    QueueType type,
    URI redisUrl,
    int maxSize,
    Duration timeout,
    RetryConfig retryPolicy,
    int workers,
    Path dataDir) {
  public static final QueueType DEFAULT_TYPE = QueueType.MEMORY;
  public static final URI DEFAULT_REDIS_URL = URI.create("redis://127.0.0.1:6379");
  public static final int DEFAULT_MAX_SIZE = InMemoryEventQueue.DEFAULT_MAX_SIZE;
  public static final Duration DEFAULT_TIMEOUT = InMemoryEventQueue.DEFAULT_LEASE_TIMEOUT;
  public static final int DEFAULT_WORKERS = GitBridge.DEFAULT_WORKERS;
  public static final int MAX_WORKERS = 256;
  public static final Path DEFAULT_DATA_DIR = Path.of("data");
  public static final QueueConfig DEFAULT =
      new QueueConfig(
          DEFAULT_TYPE,
          DEFAULT_REDIS_URL,
          DEFAULT_MAX_SIZE,
          DEFAULT_TIMEOUT,
          RetryConfig.DEFAULT,
          DEFAULT_WORKERS,
          DEFAULT_DATA_DIR);

  static final List<String> KEYS =
      List.of("type", "redis_url", "max_size", "timeout", "retry_policy", "workers", "data_dir");

  /**
   * @throws IllegalArgumentException if a number is out of range or the timeout is not positive
   */
  public QueueConfig {
    requireNonNull(type, "type == null");
    requireNonNull(redisUrl, "redisUrl == null");
    requireNonNull(timeout, "timeout == null");
    requireNonNull(retryPolicy, "retryPolicy == null");
    requireNonNull(dataDir, "dataDir == null");
    if (maxSize < 1) {
      throw new IllegalArgumentException("max size must be at least 1, was " + maxSize);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
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
        + redisUrl.getScheme()
        + "://"
        + redisUrl.getHost()
        + ":"
        + redisUrl.getPort()
        + ", maxSize="
        + maxSize
        + ", timeout="
        + timeout
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
    URI redisUrl = r.url("queue.redis_url", DEFAULT_REDIS_URL, List.of("redis", "rediss"), true);
    int maxSize = r.wholeNumber("queue.max_size", DEFAULT_MAX_SIZE, 1, Integer.MAX_VALUE);
    Duration timeout = r.duration("queue.timeout", DEFAULT_TIMEOUT);
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
    return new QueueConfig(type, redisUrl, maxSize, timeout, retry, workers, dataDir);
  }
}
